package dev.ftsql.sql.catalog;

import static dev.ftsql.sql.catalog.CatalogFixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ftsql.sql.SqlError;
import org.junit.jupiter.api.Test;

class FormatParserTest {
  private static final String COMMON_BLOCK =
      "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
          + "\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n"
          + "\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n"
          + "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n";

  /** A format file with the common block and then {@code fieldLines}. */
  private static EventFormat parseFields(String fieldLines) {
    return FormatParser.parse(
        "test",
        "name: probe\nID: 9\nformat:\n" + COMMON_BLOCK + fieldLines + "\nprint fmt: \"x\"\n");
  }

  private static EventField only(EventFormat format) {
    assertThat(format.fields()).filteredOn(f -> !f.common()).hasSize(1);
    return format.fields().get(format.fields().size() - 1);
  }

  @Test
  void schedSwitch() {
    EventFormat format = parsed("sched/sched_switch");

    assertThat(format.system()).isEqualTo("sched");
    assertThat(format.name()).isEqualTo("sched_switch");
    assertThat(format.path()).isEqualTo("sched/sched_switch");
    assertThat(format.id()).isEqualTo(372);
    assertThat(format.fields())
        .extracting(
            EventField::name,
            EventField::displayType,
            EventField::offset,
            EventField::size,
            EventField::signed,
            EventField::kind,
            EventField::common)
        .containsExactly(
            tuple("common_type", "unsigned short", 0, 2, false, FieldKind.INTEGER, true),
            tuple("common_flags", "unsigned char", 2, 1, false, FieldKind.INTEGER, true),
            tuple("common_preempt_count", "unsigned char", 3, 1, false, FieldKind.INTEGER, true),
            tuple("common_pid", "int", 4, 4, true, FieldKind.INTEGER, true),
            tuple("prev_comm", "char[16]", 8, 16, false, FieldKind.FIXED_STRING, false),
            tuple("prev_pid", "pid_t", 24, 4, true, FieldKind.INTEGER, false),
            tuple("prev_prio", "int", 28, 4, true, FieldKind.INTEGER, false),
            tuple("prev_state", "long", 32, 8, true, FieldKind.INTEGER, false),
            tuple("next_comm", "char[16]", 40, 16, false, FieldKind.FIXED_STRING, false),
            tuple("next_pid", "pid_t", 56, 4, true, FieldKind.INTEGER, false),
            tuple("next_prio", "int", 60, 4, true, FieldKind.INTEGER, false));
    EventField prevComm = format.field("prev_comm").orElseThrow();
    assertThat(prevComm.declaredType()).isEqualTo("char");
    assertThat(prevComm.arrayLength()).isEqualTo(16);
    assertThat(format.printFmt())
        .startsWith("\"prev_comm=%s prev_pid=%d")
        .endsWith("REC->next_comm, REC->next_pid, REC->next_prio");
  }

  @Test
  void schedWakingHasCommAndTargetCpu() {
    EventFormat format = parsed("sched/sched_waking");

    assertThat(format.field("comm").orElseThrow().kind()).isEqualTo(FieldKind.FIXED_STRING);
    assertThat(format.field("target_cpu").orElseThrow())
        .extracting(EventField::declaredType, EventField::size, EventField::signed)
        .containsExactly("int", 4, true);
  }

  @Test
  void kmallocCallSiteIsAnIntegerAndPtrAPointer() {
    EventFormat format = parsed("kmem/kmalloc");

    assertThat(format.field("call_site").orElseThrow())
        .extracting(
            EventField::declaredType, EventField::size, EventField::signed, EventField::kind)
        .containsExactly("unsigned long", 8, false, FieldKind.INTEGER);
    assertThat(format.field("ptr").orElseThrow())
        .extracting(EventField::declaredType, EventField::size, EventField::kind)
        .containsExactly("const void *", 8, FieldKind.POINTER);
    assertThat(format.field("bytes_req").orElseThrow().declaredType()).isEqualTo("size_t");
    assertThat(format.field("node").orElseThrow().signed()).isTrue();
  }

  @Test
  void rawSysEnterArgsIsAFixedArray() {
    EventFormat format = parsed("raw_syscalls/sys_enter");

    assertThat(format.field("id").orElseThrow())
        .extracting(EventField::declaredType, EventField::size, EventField::signed)
        .containsExactly("long", 8, true);
    assertThat(format.field("args").orElseThrow())
        .extracting(
            EventField::declaredType,
            EventField::displayType,
            EventField::arrayLength,
            EventField::size,
            EventField::kind)
        .containsExactly("unsigned long", "unsigned long[6]", 6, 48, FieldKind.FIXED_ARRAY);
  }

  @Test
  void syscallArgumentsKeepTheFileSizeNotTheDeclaredOne() {
    EventFormat format = parsed("syscalls/sys_enter_openat");

    // The syscall tracer stores every argument as an unsigned long, whatever the C type says.
    assertThat(format.field("dfd").orElseThrow())
        .extracting(
            EventField::declaredType, EventField::offset, EventField::size, EventField::signed)
        .containsExactly("int", 16, 8, false);
    assertThat(format.field("__syscall_nr").orElseThrow().size()).isEqualTo(4);
    assertThat(format.field("filename").orElseThrow())
        .extracting(EventField::declaredType, EventField::kind)
        .containsExactly("const char *", FieldKind.POINTER);
    assertThat(format.field("mode").orElseThrow().declaredType()).isEqualTo("umode_t");
  }

  @Test
  void dataLocCharIsADynamicString() {
    EventField filename = parsed("sched/sched_process_exec").field("filename").orElseThrow();

    assertThat(filename)
        .extracting(
            EventField::declaredType,
            EventField::displayType,
            EventField::size,
            EventField::arrayLength,
            EventField::kind)
        .containsExactly("__data_loc char[]", "__data_loc char[]", 4, 0, FieldKind.DYNAMIC_STRING);
  }

  @Test
  void dmaMapSgHasBoolEnumAndDynamicArrays() {
    EventFormat format = parsed("dma/dma_map_sg");

    assertThat(format.field("device").orElseThrow().kind()).isEqualTo(FieldKind.DYNAMIC_STRING);
    assertThat(format.field("truncated").orElseThrow())
        .extracting(
            EventField::declaredType, EventField::size, EventField::signed, EventField::kind)
        .containsExactly("bool", 1, false, FieldKind.INTEGER);
    assertThat(format.field("phys_addrs").orElseThrow())
        .extracting(EventField::declaredType, EventField::kind)
        .containsExactly("__data_loc u64[]", FieldKind.DYNAMIC_ARRAY);
    assertThat(format.field("lengths").orElseThrow())
        .extracting(EventField::declaredType, EventField::kind)
        .containsExactly("__data_loc unsigned int[]", FieldKind.DYNAMIC_ARRAY);
    assertThat(format.field("dir").orElseThrow())
        .extracting(EventField::declaredType, EventField::size, EventField::kind)
        .containsExactly("enum dma_data_direction", 4, FieldKind.INTEGER);
  }

  @Test
  void gfpTIsAFourByteUnsignedInteger() {
    EventFormat format = parsed("dma/dma_alloc_pages");

    assertThat(format.field("flags").orElseThrow())
        .extracting(
            EventField::declaredType, EventField::size, EventField::signed, EventField::kind)
        .containsExactly("gfp_t", 4, false, FieldKind.INTEGER);
    assertThat(format.field("virt_addr").orElseThrow())
        .extracting(EventField::declaredType, EventField::kind)
        .containsExactly("void *", FieldKind.POINTER);
  }

  @Test
  void dataLocCpumaskIsADynamicArray() {
    assertThat(parsed("ipi/ipi_send_cpumask").field("cpumask").orElseThrow())
        .extracting(EventField::declaredType, EventField::kind)
        .containsExactly("__data_loc cpumask_t", FieldKind.DYNAMIC_ARRAY);
  }

  @Test
  void relLocWithTheArraySuffixOnTheNameIsNormalized() {
    EventFormat format = parsed("sample-trace/foo_rel_loc");

    assertThat(format.field("foo").orElseThrow())
        .extracting(EventField::declaredType, EventField::size, EventField::kind)
        .containsExactly("__rel_loc char[]", 4, FieldKind.REL_STRING);
    assertThat(format.field("bitmask").orElseThrow())
        .extracting(EventField::declaredType, EventField::kind)
        .containsExactly("__rel_loc unsigned long[]", FieldKind.DYNAMIC_ARRAY);
  }

  @Test
  void unsignedCharArrayIsAStringAsTheKernelSeesIt() {
    assertThat(parsed("bridge/br_fdb_add").field("addr").orElseThrow())
        .extracting(EventField::displayType, EventField::kind)
        .containsExactly("unsigned char[6]", FieldKind.FIXED_STRING);
  }

  @Test
  void printFmtMayHoldARawNewline() {
    EventFormat format = parsed("ext4/ext4_fsmap_high_key");

    assertThat(format.printFmt())
        .startsWith("\"dev %d:%d keydev")
        .contains("owner %lld\n\", ")
        .endsWith("REC->owner");
    assertThat(format.fields()).hasSize(10);
  }

  @Test
  void spellingsOfOtherKernels() {
    assertThat(only(parseFields("\tfield:__rel_loc char[] x;\toffset:8;\tsize:4;\tsigned:0;\n")))
        .extracting(EventField::declaredType, EventField::kind)
        .containsExactly("__rel_loc char[]", FieldKind.REL_STRING);
    assertThat(
            only(
                parseFields(
                    "\tfield:__data_loc unsigned long[] z;\toffset:8;\tsize:4;\tsigned:0;\n")))
        .extracting(EventField::declaredType, EventField::kind)
        .containsExactly("__data_loc unsigned long[]", FieldKind.DYNAMIC_ARRAY);
    assertThat(
            only(parseFields("\tfield:__data_loc u32[] y;\toffset:8;\tsize:4;\tsigned:0;\n"))
                .kind())
        .isEqualTo(FieldKind.DYNAMIC_ARRAY);
    assertThat(only(parseFields("\tfield:u64 x[4];\toffset:8;\tsize:32;\tsigned:0;\n")))
        .extracting(EventField::declaredType, EventField::arrayLength, EventField::kind)
        .containsExactly("u64", 4, FieldKind.FIXED_ARRAY);
    assertThat(only(parseFields("\tfield:struct page * page;\toffset:8;\tsize:8;\tsigned:0;\n")))
        .extracting(EventField::declaredType, EventField::kind)
        .containsExactly("struct page *", FieldKind.POINTER);
    assertThat(
            only(parseFields("\tfield:const  void* p;\toffset:8;\tsize:8;\tsigned:0;\n"))
                .declaredType())
        .isEqualTo("const void *");
    assertThat(
            only(parseFields(
                    "\tfield:const struct cred *const cred;\toffset:8;\tsize:8;\tsigned:0;\n"))
                .kind())
        .isEqualTo(FieldKind.POINTER);
  }

  @Test
  void flexibleAndMacroSizedArrays() {
    assertThat(only(parseFields("\tfield:char buf[];\toffset:16;\tsize:0;\tsigned:0;\n")))
        .extracting(EventField::kind, EventField::arrayLength)
        .containsExactly(FieldKind.FIXED_STRING, 0);
    // Kernels of the 2.6.3x era printed the length macro, not its value.
    assertThat(
            only(
                parseFields("\tfield:char comm[TASK_COMM_LEN];\toffset:8;\tsize:16;\tsigned:1;\n")))
        .extracting(EventField::kind, EventField::arrayLength, EventField::signed)
        .containsExactly(FieldKind.FIXED_STRING, 16, true);
  }

  @Test
  void fieldWithoutSignedFlagIsUnsigned() {
    assertThat(only(parseFields("\tfield:int old;\toffset:8;\tsize:4;\n")))
        .extracting(EventField::name, EventField::size, EventField::signed)
        .containsExactly("old", 4, false);
  }

  @Test
  void malformedFieldLinesAreSkipped() {
    EventFormat format =
        parseFields(
            "\tfield:int;\toffset:8;\tsize:4;\tsigned:1;\n"
                + "\tfield:int bad_offset;\toffset:eight;\tsize:4;\tsigned:1;\n"
                + "\tfield:int no_size;\toffset:8;\tsigned:1;\n"
                + "\tfield:u8 grid[2][3];\toffset:8;\tsize:6;\tsigned:0;\n"
                + "\tfield:int good;\toffset:12;\tsize:4;\tsigned:1;\n");

    assertThat(format.fields())
        .extracting(EventField::name)
        .containsExactly(
            "common_type", "common_flags", "common_preempt_count", "common_pid", "good");
  }

  @Test
  void unknownLinesAreIgnored() {
    EventFormat format =
        FormatParser.parse(
            "test",
            "name: probe\n"
                + "ID: 9\n"
                + "format:\n"
                + "something new: 1\n"
                + "\tfield:int x;\toffset:8;\tsize:4;\tsigned:1;\n"
                + "\tnot a field\n");

    assertThat(format.fields()).extracting(EventField::name).containsExactly("x");
    assertThat(format.printFmt()).isEmpty();
  }

  @Test
  void commonMeansTheFirstBlockAndTheCommonPrefix() {
    EventFormat format =
        FormatParser.parse(
            "test",
            "name: probe\nID: 9\nformat:\n"
                + "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
                + "\tfield:int first_block_but_not_common;\toffset:4;\tsize:4;\tsigned:1;\n\n"
                + "\tfield:int common_looking;\toffset:8;\tsize:4;\tsigned:1;\n");

    assertThat(format.fields())
        .extracting(EventField::name, EventField::common)
        .containsExactly(
            tuple("common_type", true),
            tuple("first_block_but_not_common", false),
            tuple("common_looking", false));
  }

  @Test
  void directoryNameIsTheEventName() {
    String text =
        CatalogFixtures.format("eprobes/sched_switch")
            .replace("name: sched_switch", "name: switch");

    assertThat(FormatParser.parse("eprobes", text).name()).isEqualTo("switch");
    assertThat(FormatParser.parse("eprobes", "sched_switch", text).name())
        .isEqualTo("sched_switch");
  }

  @Test
  void textThatIsNotAFormatIsAnError() {
    assertThatThrownBy(() -> FormatParser.parse("broken", "bad", "<html>not found</html>\n"))
        .isInstanceOf(SqlError.class)
        .hasMessage("events/broken/bad/format: not a trace event format (no numeric ID: line)");
    assertThatThrownBy(() -> FormatParser.parse("broken", "bad", "name: bad\nID: 3\nformat:\n\n"))
        .isInstanceOf(SqlError.class)
        .hasMessage("events/broken/bad/format: not a trace event format (no readable field: line)");
    assertThatThrownBy(
            () -> FormatParser.parse("broken", "ID: 3\n\tfield:int x;\toffset:8;\tsize:4;\n"))
        .isInstanceOf(SqlError.class)
        .hasMessageContaining("no name: line");
  }
}
