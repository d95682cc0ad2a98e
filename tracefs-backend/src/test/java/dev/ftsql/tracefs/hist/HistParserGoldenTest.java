package dev.ftsql.tracefs.hist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.tracefs.GoldenHist;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendering, read from hist files captured on real 6.1 and 6.12 kernels. */
class HistParserGoldenTest {
  private static final long KERNEL_TEXT = 0xffffffff80000000L;

  private static Histogram only(String kernel, String name) {
    HistFile file = HistParser.parse(GoldenHist.hist(kernel, name));
    assertThat(file.histograms()).hasSize(1);
    Histogram h = file.histograms().get(0);
    // The parser reads every entry the kernel counted, and knows every key's rendering.
    assertThat(h.entries()).hasSize((int) h.totals().entries());
    assertThat(h.entries()).flatMap(HistEntry::keys).noneMatch(k -> k.value() instanceof HistKey.Raw);
    if (!h.trigger().noHitcount()) {
      assertThat(h.entries().stream().mapToLong(HistEntry::hitcount).sum()).isEqualTo(h.totals().hits());
    }
    return h;
  }

  private static List<HistKey> keys(Histogram h, int index) {
    return h.entries().stream().map(e -> e.keys().get(index).value()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void plainNumberKeysAndValues(String kernel) {
    Histogram h = only(kernel, "plain");
    assertThat(h.trigger().text()).isEqualTo("hist:keys=bytes_req:vals=hitcount,bytes_alloc:sort=bytes_req:size=2048");
    assertThat(h.entries()).allSatisfy(e -> {
      assertThat(e.keys()).extracting(KeyField::name).containsExactly("bytes_req");
      long req = ((HistKey.Number) e.keys().get(0).value()).value();
      // kmalloc never hands out less than was asked for.
      assertThat(e.values().get("bytes_alloc")).isGreaterThanOrEqualTo(req * e.hitcount());
    });
    // sort=bytes_req: the kernel's order is ascending by key.
    assertThat(keys(h, 0)).isSortedAccordingTo(HistKey.ORDER);
  }

  @Test
  void firstPlainEntryOn61() {
    HistEntry e = only("6.1", "plain").entries().get(0);
    assertThat(e).isEqualTo(new HistEntry(
        List.of(new KeyField("bytes_req", new HistKey.Number(11))), 2779, Map.of("bytes_alloc", 44464L), List.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void cpuKeyIsLabelledCpuThoughTheTriggerSaysCommonCpu(String kernel) {
    Histogram h = only(kernel, "cpu");
    assertThat(h.trigger().keys()).containsExactly("common_cpu");
    assertThat(h.entries()).extracting(e -> e.keys().get(0).name()).containsOnly("cpu");
    assertThat(keys(h, 0)).containsExactlyInAnyOrder(new HistKey.Number(0), new HistKey.Number(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void stringKeysLoseTheirPadding(String kernel) {
    Histogram h = only(kernel, "string");
    assertThat(keys(h, 0)).allSatisfy(k -> assertThat(k).isInstanceOf(HistKey.Text.class))
        .contains(new HistKey.Text("sh"), new HistKey.Text("rcu_preempt"));
    // A priority is at most 139: the sum of prev_prio is at most 139 per switch.
    assertThat(h.entries()).allSatisfy(e -> assertThat(e.values().get("prev_prio")).isBetween(0L, 139 * e.hitcount()));
    assertThat(only(kernel, "dynstring").entries().get(0).keys().get(0).value())
        .isEqualTo(new HistKey.Text("/proc/self/exe"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void hexKeysAndHexValues(String kernel) {
    Histogram hex = only(kernel, "hex");
    assertThat(keys(hex, 0)).allSatisfy(k -> {
      assertThat(k).isInstanceOf(HistKey.Hex.class);
      assertThat(Long.compareUnsigned(k.number().getAsLong(), KERNEL_TEXT)).isPositive();
    });
    // The same allocations keyed by symbol: bytes_alloc printed in hex must sum to the decimal total.
    long hexTotal = hex.entries().stream().mapToLong(e -> e.values().get("bytes_alloc")).sum();
    long perHit = hexTotal / hex.totals().hits();
    assertThat(perHit).isBetween(8L, 4096L);
  }

  @Test
  void hexValueIsReadAsHex() {
    HistEntry e = only("6.1", "hex").entries().get(0);
    assertThat(e.keys().get(0).value()).isEqualTo(new HistKey.Hex(0xffffffff9cd7f19cL));
    assertThat(e.values()).containsEntry("bytes_alloc", 0x8000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void symAndSymOffset(String kernel) {
    Histogram sym = only(kernel, "sym");
    assertThat(keys(sym, 0)).allSatisfy(k -> {
      HistKey.Symbol s = (HistKey.Symbol) k;
      assertThat(Long.compareUnsigned(s.address(), KERNEL_TEXT)).isPositive();
      assertThat(s.symbol()).isNotBlank().doesNotContain("+0x").isEqualTo(s.symbol().strip());
    });
    assertThat(sym.entries()).allSatisfy(e -> assertThat(e.values()).containsOnlyKeys("bytes_req", "bytes_alloc"));
    Histogram offset = only(kernel, "sym-offset");
    assertThat(keys(offset, 0)).allSatisfy(k ->
        assertThat(((HistKey.Symbol) k).symbol()).matches("[\\w.]+\\+0x[0-9a-f]+/0x[0-9a-f]+"));
  }

  @Test
  void symbolAndAddressOfOneEntry() {
    assertThat(only("6.1", "sym-offset").entries().get(0).keys().get(0).value())
        .isEqualTo(new HistKey.Symbol(0xffffffff9cd7f19cL, "single_open_size+0x3c/0xb0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void execnameAndSyscall(String kernel) {
    List<HistKey> tasks = keys(only(kernel, "execname"), 0);
    assertThat(tasks).allSatisfy(k -> assertThat(((HistKey.Execname) k).comm()).isNotBlank().doesNotContain(" ["));
    // The comm is the one the entry was created with: a forked child's first syscall is before exec.
    assertThat(tasks).extracting(k -> ((HistKey.Execname) k).comm()).containsOnly("sh");
    assertThat(tasks).extracting(k -> ((HistKey.Execname) k).pid()).doesNotHaveDuplicates();
    List<HistKey> calls = keys(only(kernel, "syscall"), 0);
    // x86_64 numbers.
    assertThat(calls).contains(new HistKey.Syscall("sys_openat", 257), new HistKey.Syscall("sys_close", 3),
        new HistKey.Syscall("sys_munmap", 11));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void log2BucketNHoldsValuesAbove2ToTheNMinus1UpTo2ToTheN(String kernel) {
    // The payload wrote 1..13, 15, 16, 17, 31, 32, 33, 64, 100, 1000 and 4096 bytes, once each.
    Map<Integer, List<Long>> seen = new TreeMap<>();
    for (HistEntry e : only(kernel, "log2").entries()) {
      seen.put(((HistKey.Log2) e.keys().get(0).value()).exponent(), List.of(e.hitcount(), e.values().get("count")));
    }
    assertThat(seen).isEqualTo(Map.of(
        0, List.of(1L, 1L), 1, List.of(1L, 2L), 2, List.of(2L, 3L + 4), 3, List.of(4L, 5L + 6 + 7 + 8),
        4, List.of(7L, 9L + 10 + 11 + 12 + 13 + 15 + 16), 5, List.of(3L, 17L + 31 + 32), 6, List.of(2L, 33L + 64),
        7, List.of(1L, 100L), 10, List.of(1L, 1000L), 12, List.of(1L, 4096L)));
    assertThat(new HistKey.Log2(4).low()).isEqualTo(9);
    assertThat(new HistKey.Log2(4).high()).isEqualTo(16);
    assertThat(new HistKey.Log2(0).low()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void linearBuckets(String kernel) {
    Map<String, List<Long>> seen = only(kernel, "buckets").entries().stream().collect(Collectors.toMap(
        e -> e.keys().get(0).value().text(), e -> List.of(e.hitcount(), e.values().get("count"))));
    assertThat(seen).isEqualTo(Map.of(
        "0-9", List.of(9L, 45L), "10-19", List.of(7L, 94L), "30-39", List.of(3L, 96L), "60-69", List.of(1L, 64L),
        "100-109", List.of(1L, 100L), "1000-1009", List.of(1L, 1000L), "4090-4099", List.of(1L, 4096L)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void stackKeysSpanLines(String kernel) {
    String label = kernel.equals("6.1") ? "stacktrace" : "common_stacktrace";
    Histogram h = only(kernel, "stack");
    assertThat(h.entries()).allSatisfy(e -> {
      assertThat(e.keys()).extracting(KeyField::name).containsExactly(label);
      List<String> frames = ((HistKey.Stack) e.keys().get(0).value()).frames();
      assertThat(frames).isNotEmpty().hasSizeLessThanOrEqualTo(16)
          .allSatisfy(f -> assertThat(f).matches("[\\w.]+\\+0x[0-9a-f]+/0x[0-9a-f]+( \\[\\w+\\])?"));
      // The innermost frame is where sched_wakeup fires.
      assertThat(frames.get(0)).matches("(ttwu_do_\\w+|try_to_wake_up)\\+0x.*");
    });
    HistKey.Stack fork = (HistKey.Stack) only(kernel, "ftsql-stack").entries().get(0).keys().get(0).value();
    assertThat(fork.frames()).hasSize(3).first().asString().startsWith("__do_sys_clone+0x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void stackBeforeAndAfterAnotherKey(String kernel) {
    assertThat(only(kernel, "stack-first").entries()).allSatisfy(e -> {
      assertThat(e.keys().get(0).value()).isInstanceOf(HistKey.Stack.class);
      assertThat(e.keys().get(1)).extracting(KeyField::name).isEqualTo("common_pid");
      assertThat(e.keys().get(1).value()).isInstanceOf(HistKey.Execname.class);
    });
    assertThat(only(kernel, "stack-last").entries()).allSatisfy(e -> {
      assertThat(e.keys().get(0).value()).isInstanceOf(HistKey.Execname.class);
      assertThat(((HistKey.Stack) e.keys().get(1).value()).frames()).isNotEmpty();
    });
  }

  @Test
  void stacktraceWrittenOn612IsPrintedAsCommonStacktrace() {
    Histogram h = only("6.12", "stack-oldname");
    assertThat(GoldenHist.triggers("6.12", "stack-oldname")).containsExactly("hist:keys=stacktrace:vals=hitcount");
    assertThat(h.trigger().keys()).containsExactly("common_stacktrace");
    assertThat(h.entries().get(0).keys().get(0).name()).isEqualTo("common_stacktrace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void compoundKeys(String kernel) {
    Histogram two = only(kernel, "compound2");
    assertThat(two.entries()).allSatisfy(e -> {
      assertThat(e.keys()).extracting(KeyField::name).containsExactly("common_pid", "next_pid");
      assertThat(e.keys().get(0).value()).isInstanceOf(HistKey.Execname.class);
      assertThat(e.keys().get(1).value()).isInstanceOf(HistKey.Number.class);
    });
    Histogram three = only(kernel, "compound3");
    assertThat(three.entries()).allSatisfy(e -> {
      assertThat(e.keys()).extracting(KeyField::name).containsExactly("common_pid", "call_site", "bytes_req");
      assertThat(e.keys()).extracting(KeyField::value).hasExactlyElementsOfTypes(
          HistKey.Execname.class, HistKey.Symbol.class, HistKey.Log2.class);
      // bytes_alloc is at least the smallest size the log2 bucket holds.
      long low = ((HistKey.Log2) e.keys().get(2).value()).low();
      assertThat(e.values().get("bytes_alloc")).isGreaterThanOrEqualTo(low * e.hitcount());
    });
    Histogram strings = only(kernel, "strings3");
    assertThat(strings.entries()).allSatisfy(e -> {
      assertThat(e.keys()).extracting(KeyField::value).hasExactlyElementsOfTypes(
          HistKey.Text.class, HistKey.Text.class, HistKey.Number.class);
      assertThat(e.keys().get(0).value().text()).isNotBlank().isEqualTo(e.keys().get(0).value().text().strip());
    });
  }

  @Test
  void oneCompoundEntryExactly() {
    assertThat(only("6.1", "compound3").entries().get(0).keys()).containsExactly(
        new KeyField("common_pid", new HistKey.Execname("sh", 1082)),
        new KeyField("call_site", new HistKey.Symbol(0xffffffff9ceb3625L, "security_prepare_creds")),
        new KeyField("bytes_req", new HistKey.Log2(4)));
    assertThat(only("6.1", "strings3").entries().get(0).keys()).containsExactly(
        new KeyField("prev_comm", new HistKey.Text("ksoftirqd/0")),
        new KeyField("next_comm", new HistKey.Text("exe")),
        new KeyField("prev_state", new HistKey.Number(1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void onmaxAndOnchangeLinesWithSavedFields(String kernel) {
    assertThat(only(kernel, "onmax").entries()).allSatisfy(e -> {
      Tracked max = e.tracked(Tracked.Handler.MAX).orElseThrow();
      assertThat(max.saved()).containsOnlyKeys("prev_comm", "prev_pid");
      assertThat(max.saved().get("prev_comm")).isNotBlank().isEqualTo(max.saved().get("prev_comm").strip());
      assertThat(max.saved().get("prev_pid")).matches("\\d+");
      assertThat(max.value()).isBetween(0L, 139L); // a priority
    });
    assertThat(only(kernel, "onchange").entries()).allSatisfy(e -> {
      assertThat(e.tracked()).hasSize(1);
      Tracked changed = e.tracked().get(0);
      assertThat(changed.handler()).isEqualTo(Tracked.Handler.CHANGED);
      // onchange($pr) saves prev_prio, the variable's own field: they agree.
      assertThat(changed.saved().get("prev_prio")).isEqualTo(Long.toString(changed.value()));
    });
  }

  @Test
  void oneOnmaxLineExactly() {
    assertThat(only("6.1", "onmax").entries().get(0).tracked()).containsExactly(
        new Tracked(Tracked.Handler.MAX, 120, Map.of("prev_comm", "ksoftirqd/0", "prev_pid", "14")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void snapshotBlockAndNoMaxLines(String kernel) {
    Histogram h = only(kernel, "snapshot");
    assertThat(h.snapshot()).get().asString().contains("triggering value { onmax($mx) }:");
    assertThat(h.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.tracked()).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void emptyHistogram(String kernel) {
    Histogram h = only(kernel, "empty");
    assertThat(h.entries()).isEmpty();
    assertThat(h.totals()).isEqualTo(new Totals(0, 0, 0));
    assertThat(h.trigger().keys()).containsExactly("name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void fullTableDropsEventsAndHitsLeaveThemOut(String kernel) {
    Histogram h = only(kernel, "dropped");
    assertThat(h.trigger().size()).hasValue(128);
    assertThat(h.entries()).hasSize(128);
    assertThat(h.totals().dropped()).isPositive();
    // call_site without .hex/.sym is an unsigned number: kernel addresses come out above 2^63.
    assertThat(keys(h, 2)).allSatisfy(k -> assertThat(k.number().getAsLong()).isNegative());
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void threeBlocksInOneFile(String kernel) {
    HistFile file = HistParser.parse(GoldenHist.hist(kernel, "two-blocks"));
    assertThat(file.histograms()).hasSize(3);
    assertThat(file.histograms()).extracting(h -> h.trigger().filter().orElse(""))
        .containsExactly("", "next_pid != 0", "next_pid == 99999");
    assertThat(file.histograms().get(2).entries()).isEmpty();
    assertThat(file.histograms().get(0).entries()).allSatisfy(e -> assertThat(e.values()).isEmpty());
    assertThat(file.histograms().get(1).entries()).allSatisfy(e -> assertThat(e.values()).containsKey("prev_prio"));
    // Every trigger as written finds its own block.
    List<String> written = GoldenHist.triggers(kernel, "two-blocks");
    for (int i = 0; i < written.size(); i++) {
      assertThat(file.find(written.get(i))).containsSame(file.histograms().get(i));
    }
  }

  @Test
  void percentAndGraphValuesAreSkippedOn612() {
    Histogram h = only("6.12", "percent-graph");
    assertThat(h.entries()).allSatisfy(e -> {
      assertThat(e.hitcount()).isPositive();
      assertThat(e.values()).isEmpty();
    });
  }

  @Test
  void nohitcountOn612() {
    Histogram h = only("6.12", "nohitcount");
    assertThat(h.trigger().noHitcount()).isTrue();
    assertThat(h.entries()).allSatisfy(e -> {
      assertThat(e.hitcount()).isZero();
      assertThat(e.values().get("prev_prio")).isPositive();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void everyCapturedTriggerFindsItsHistogram(String kernel) {
    for (String name : List.of("plain", "cpu", "string", "hex", "sym", "sym-offset", "execname", "syscall", "log2",
        "buckets", "stack", "stack-first", "stack-last", "compound2", "compound3", "strings3", "onmax", "onchange",
        "snapshot", "empty", "dropped", "ftsql-kmalloc", "ftsql-hidden", "ftsql-having", "ftsql-log2",
        "ftsql-buckets", "ftsql-syscall", "ftsql-sym", "ftsql-stack")) {
      HistFile file = HistParser.parse(GoldenHist.hist(kernel, name));
      String written = GoldenHist.triggers(kernel, name).get(0);
      assertThat(file.find(written)).as(name).isPresent();
    }
  }
}
