package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.plan.PlanOptions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The proof that single-event histograms work: one query per feature row of the compiler, compiled
 * for 6.1 and 6.12, applied with the exact lines {@code ftsql sql} prints on the real kernel under
 * QEMU, with load, then torn down with the {@code --teardown} lines. One boot per kernel runs every
 * case; a user's checks follow: the lines succeed, the histogram is there with plausible keys and
 * values, filters filter, and teardown leaves the trigger files as they were.
 */
@EnabledIfSystemProperty(named = "ftsql.kernelTests", matches = "true")
class RealKernelHistogramTest {
  private static final List<String> KERNELS = List.of("6.1", "6.12");
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);

  private static final Pattern EXECNAME = Pattern.compile("(\\S.*?) *\\[ *(\\d+)\\]");
  private static final Pattern SYSCALL =
      Pattern.compile("(sys_\\w+|unknown_syscall) *\\[ *(\\d+)\\]");
  private static final Pattern SYM =
      Pattern.compile("\\[[0-9a-f]{16}\\] [A-Za-z_.][\\w.]*( \\[\\w+\\])?");
  private static final Pattern SYM_OFFSET =
      Pattern.compile(
          "\\[[0-9a-f]{16}\\] [A-Za-z_.][\\w.]*\\+0x[0-9a-f]+/0x[0-9a-f]+( \\[\\w+\\])?");
  private static final Pattern BUCKET = Pattern.compile("~ (\\d+)-(\\d+)");

  private static final String INSTANCE = " " + HistResult.MOUNT + "/instances/ftsqltest/events/";

  /** Any common_timestamp after boot is above this in ns, and below it in µs for 1000 s. */
  private static final long ONE_BILLION = 1_000_000_000L;

  private static final List<HistCase> CASES =
      List.of(
          HistCase.of(
              "readme",
              "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm",
              r -> assertThat(r.distinct("next_comm")).contains("sh", "yes")),
          HistCase.of(
              "two-keys",
              "SELECT common_cpu, next_prio, COUNT(*) FROM sched_switch GROUP BY common_cpu,"
                  + " next_prio",
              r -> {
                // The guest has one CPU (tools/qemu/README.md: two crash under TCG when code is
                // patched).
                assertThat(r.distinct("common_cpu")).containsExactly("0");
                assertThat(r.distinct("next_prio")).contains("120");
                assertThat(r.hist().keys("next_prio"))
                    .allSatisfy(p -> assertThat(Integer.parseInt(p)).isBetween(0, 139));
              }),
          // Two 16-byte comms and an 8-byte state: 40 of the kernel's 384 key bytes.
          HistCase.of(
              "three-keys",
              "SELECT prev_comm, next_comm, prev_state, COUNT(*) FROM sched_switch"
                  + " GROUP BY prev_comm, next_comm, prev_state",
              r -> {
                assertThat(r.hist().entries())
                    .allSatisfy(
                        e -> {
                          assertThat(e.keys())
                              .containsOnlyKeys("prev_comm", "next_comm", "prev_state");
                          assertThat(e.key("prev_state")).matches("\\d+");
                        });
                assertThat(r.distinct("prev_comm")).contains("yes");
                assertThat(r.distinct("next_comm")).contains("yes");
              }),
          HistCase.of(
              "sqlhist-counter",
              "SELECT common_pid, CAST(bytes_req AS _COUNTER_) FROM kmalloc",
              r -> {
                assertThat(r.hist().keys("common_pid"))
                    .allSatisfy(k -> assertThat(k).matches("\\d+"));
                assertThat(r.hist().values("bytes_req").stream().mapToLong(Long::longValue).sum())
                    .isPositive();
              }),
          HistCase.of(
              "sqlhist-comm-syscall",
              "select CAST(common_pid AS comm), CAST(id AS syscall) FROM sys_enter",
              r -> {
                assertThat(r.hist().keys("common_pid"))
                    .allSatisfy(k -> assertThat(k).matches(EXECNAME));
                assertThat(r.hist().keys("id")).allSatisfy(k -> assertThat(k).matches(SYSCALL));
                // `yes` does nothing but write(2).
                assertThat(r.hist().entries())
                    .anySatisfy(
                        e -> {
                          assertThat(e.key("common_pid")).startsWith("yes ");
                          assertThat(e.key("id")).matches("sys_write +\\[ *1\\]");
                        });
              }),
          HistCase.of(
              "sum-avg",
              "SELECT execname(common_pid), COUNT(*), SUM(bytes_alloc), AVG(bytes_req) FROM kmalloc"
                  + " GROUP BY common_pid",
              r -> {
                assertThat(r.hist().keys("common_pid"))
                    .allSatisfy(k -> assertThat(k).matches(EXECNAME));
                assertThat(r.hist().entries())
                    .allSatisfy(
                        e ->
                            assertThat(e.value("bytes_alloc"))
                                .isGreaterThanOrEqualTo(e.value("bytes_req")));
                assertThat(r.hist().values("bytes_req"))
                    .anySatisfy(v -> assertThat(v).isPositive());
              }),
          HistCase.of(
              "max",
              "SELECT next_comm, MAX(prev_prio) FROM sched_switch GROUP BY next_comm",
              r ->
                  assertThat(r.hist().entries())
                      .allSatisfy(
                          e -> {
                            assertThat(e.extras()).containsKeys("max", "prev_prio");
                            assertThat(e.extras().get("max"))
                                .isBetween(0L, 139L)
                                .isEqualTo(e.extras().get("prev_prio"));
                          })),
          HistCase.of(
              "log2",
              "SELECT log2(bytes_req), COUNT(*) FROM kmalloc GROUP BY log2(bytes_req)",
              r ->
                  assertThat(r.log2("bytes_req"))
                      .hasSizeGreaterThanOrEqualTo(3)
                      .allSatisfy(n -> assertThat(n).isBetween(0, 30))),
          HistCase.of(
              "bucket",
              "SELECT bucket(bytes_req, 64), COUNT(*) FROM kmalloc GROUP BY bucket(bytes_req, 64)",
              r -> {
                assertThat(r.hist().keys("bytes_req"))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(
                        k -> {
                          Matcher m = BUCKET.matcher(k);
                          assertThat(m.matches()).as("'%s' is ~ lo-hi", k).isTrue();
                          long lo = Long.parseLong(m.group(1));
                          assertThat(lo % 64).isZero();
                          assertThat(Long.parseLong(m.group(2))).isEqualTo(lo + 63);
                        });
              }),
          HistCase.of(
              "sym",
              "SELECT sym(call_site), COUNT(*) FROM kmalloc GROUP BY sym(call_site)",
              r ->
                  assertThat(r.hist().keys("call_site"))
                      .allSatisfy(k -> assertThat(k).matches(SYM))),
          HistCase.of(
              "sym-offset-hex",
              "SELECT CAST(call_site AS SYM-OFFSET), hex(bytes_req), COUNT(*) FROM kmalloc"
                  + " GROUP BY call_site, bytes_req",
              r -> {
                assertThat(r.hist().keys("call_site"))
                    .allSatisfy(k -> assertThat(k).matches(SYM_OFFSET));
                assertThat(r.hist().keys("bytes_req"))
                    .allSatisfy(k -> assertThat(k).matches("[0-9a-f]+"));
                // Sizes vary enough that decimal printing would show no hex letter at all.
                assertThat(r.hist().keys("bytes_req"))
                    .anySatisfy(k -> assertThat(k).containsPattern("[a-f]"));
              }),
          HistCase.of(
              "syscall-name",
              "SELECT syscall_name(id), COUNT(*) FROM raw_syscalls.sys_enter GROUP BY id",
              r -> {
                assertThat(r.hist().keys("id")).allSatisfy(k -> assertThat(k).matches(SYSCALL));
                assertThat(r.hist().keys("id"))
                    .anySatisfy(k -> assertThat(k).matches("sys_read +\\[ *0\\]"))
                    .anySatisfy(k -> assertThat(k).matches("sys_write +\\[ *1\\]"));
              }),
          HistCase.of(
              "usecs",
              "SELECT usecs(common_timestamp), COUNT(*) FROM sched_switch WHERE next_comm = 'yes'"
                  + " GROUP BY usecs(common_timestamp)",
              r ->
                  assertThat(r.hist().keys("common_timestamp"))
                      .allSatisfy(
                          k ->
                              assertThat(Long.parseLong(k))
                                  .isBetween(ONE_BILLION / 1000, ONE_BILLION))),
          HistCase.of(
              "stacktrace",
              "SELECT STACKTRACE, COUNT(*) FROM sched_switch GROUP BY STACKTRACE",
              r -> {
                List<String> stacks = r.stacks(r.stackLabel());
                assertThat(stacks).anySatisfy(s -> assertThat(s).contains("schedule"));
              }),
          // A dynamic string (256 bytes) and a stack (128): exactly the kernel's 384 key bytes.
          HistCase.of(
              "key-size-limit",
              "SELECT filename, STACKTRACE, COUNT(*) FROM sched_process_exec GROUP BY filename,"
                  + " STACKTRACE",
              r -> {
                assertThat(r.distinct("filename")).contains("/bin/busybox");
                assertThat(r.hist().keys(r.stackLabel()))
                    .allSatisfy(
                        s ->
                            assertThat(s.split("\n"))
                                .allSatisfy(f -> assertThat(f).matches(HistResult.FRAME)));
                assertThat(r.hist().keys(r.stackLabel()))
                    .anySatisfy(s -> assertThat(s).contains("execve"));
              }),
          // bytes_req > 100 leaves no bucket under 2^6 (101 is at least 2^6 however log2 rounds),
          // while the unfiltered histogram of the same boot has them.
          HistCase.of(
              "where-numeric",
              "SELECT log2(bytes_req), COUNT(*) FROM kmalloc WHERE bytes_req > 100 GROUP BY"
                  + " log2(bytes_req)",
              r -> {
                assertThat(r.log2("bytes_req"))
                    .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(6));
                assertThat(r.other("log2").log2("bytes_req"))
                    .anySatisfy(n -> assertThat(n).isLessThan(6));
              }),
          HistCase.of(
              "where-string-eq",
              "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_comm = 'sh' GROUP BY"
                  + " next_comm",
              r -> assertThat(r.distinct("next_comm")).containsExactly("sh")),
          HistCase.of(
              "where-string-ne",
              "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_comm <> 'sh' GROUP BY"
                  + " next_comm",
              r -> assertThat(r.distinct("next_comm")).contains("yes").doesNotContain("sh")),
          HistCase.of(
              "where-like",
              "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_comm LIKE 'k%' GROUP BY"
                  + " next_comm",
              r ->
                  assertThat(r.distinct("next_comm"))
                      .isNotEmpty()
                      .allSatisfy(c -> assertThat(c).startsWith("k"))),
          HistCase.of(
              "where-bit-test",
              "SELECT prev_state, COUNT(*) FROM sched_switch WHERE prev_state & 1 GROUP BY"
                  + " prev_state",
              r -> {
                assertThat(r.hist().keys("prev_state"))
                    .allSatisfy(s -> assertThat(Long.parseLong(s) & 1).isEqualTo(1L));
                assertThat(r.other("three-keys").hist().keys("prev_state"))
                    .anySatisfy(s -> assertThat(Long.parseLong(s) & 1).isZero());
              }),
          HistCase.of(
              "where-sqlhist-operators",
              "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_prio == 120 && !(next_comm"
                  + " == \"sh\") || next_pid == 1 GROUP BY next_comm",
              r -> assertThat(r.distinct("next_comm")).contains("yes").doesNotContain("sh")),
          HistCase.of(
              "where-not-or",
              "SELECT next_comm, COUNT(*) FROM sched_switch WHERE NOT (next_comm = 'sh' OR"
                  + " next_comm = 'yes') GROUP BY next_comm",
              r -> assertThat(r.distinct("next_comm")).isNotEmpty().doesNotContain("sh", "yes")),
          HistCase.of(
              "where-in",
              "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_comm IN ('sh', 'yes') GROUP"
                  + " BY next_comm",
              r -> assertThat(r.distinct("next_comm")).containsExactlyInAnyOrder("sh", "yes")),
          // 100..300 is 2^6..2^9 whichever way log2 rounds; the unfiltered histogram has larger
          // ones.
          HistCase.of(
              "where-between",
              "SELECT log2(bytes_req), COUNT(*) FROM kmalloc WHERE bytes_req BETWEEN 100 AND 300"
                  + " GROUP BY log2(bytes_req)",
              r -> {
                assertThat(r.log2("bytes_req")).allSatisfy(n -> assertThat(n).isBetween(6, 9));
                assertThat(r.other("log2").log2("bytes_req"))
                    .anySatisfy(n -> assertThat(n).isGreaterThan(9));
              }),
          HistCase.of(
              "where-quote",
              "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_comm <> 'it''s' GROUP BY"
                  + " next_comm",
              r -> {
                assertThat(r.hist().triggerInfo()).contains("next_comm != \"it's\"");
                assertThat(r.distinct("next_comm")).contains("sh", "yes");
              }),
          // The literal reaches the kernel as text and the shell never runs it.
          HistCase.of(
                  "where-shell-metacharacters",
                  "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_comm <> '$(touch"
                      + " /tmp/pwned)`touch /tmp/pwned`' GROUP BY next_comm",
                  r -> {
                    assertThat(r.hist().triggerInfo())
                        .contains("\"$(touch /tmp/pwned)`touch /tmp/pwned`\"");
                    assertThat(r.output().read(1)).as("ls /tmp/pwned").contains("No such file");
                    assertThat(r.distinct("next_comm")).contains("sh");
                  })
              .alsoRead("ls /tmp/pwned"),
          HistCase.of(
              "order-count-desc",
              "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm ORDER BY COUNT(*)"
                  + " DESC",
              r -> {
                assertThat(r.hist().triggerInfo()).contains(":sort=hitcount.descending:");
                assertThat(r.hist().values("hitcount"))
                    .isSortedAccordingTo(Comparator.reverseOrder());
              }),
          HistCase.of(
              "order-ordinal",
              "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm ORDER BY 2",
              r -> {
                assertThat(r.hist().triggerInfo()).contains(":sort=hitcount:");
                assertThat(r.hist().values("hitcount")).isSorted();
              }),
          // LIMIT applies when reading: the kernel keeps every entry.
          HistCase.of(
              "order-alias-limit",
              "SELECT next_comm, COUNT(*) AS n FROM sched_switch GROUP BY next_comm ORDER BY n DESC"
                  + " LIMIT 3",
              r -> {
                assertThat(r.plan().result().limit()).hasValue(3);
                assertThat(r.hist().triggerInfo()).contains(":sort=hitcount.descending:");
                assertThat(r.hist().values("hitcount"))
                    .isSortedAccordingTo(Comparator.reverseOrder());
                assertThat(r.hist().entries()).hasSizeGreaterThan(3);
              }),
          HistCase.of(
              "no-group-by",
              "SELECT COUNT(*), SUM(bytes_alloc) FROM kmalloc",
              r -> {
                assertThat(r.hist().entries()).hasSize(1);
                HistEntry only = r.hist().entries().get(0);
                assertThat(only.value("bytes_alloc")).isGreaterThanOrEqualTo(only.hitcount());
              }),
          HistCase.of(
                  "size",
                  "SELECT prev_comm, COUNT(*) FROM sched_switch GROUP BY prev_comm",
                  r -> {
                    assertThat(r.triggerLine()).endsWith(":size=256");
                    assertThat(r.hist().triggerInfo()).contains(":size=256");
                  })
              .with(PlanOptions.defaults().withSize(256)),
          // The top-level sched_switch keeps no trigger: the histogram lives in the instance.
          HistCase.of(
                  "instance",
                  "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm",
                  r -> {
                    assertThat(r.setupLines()).allSatisfy(l -> assertThat(l).contains(INSTANCE));
                    assertThat(r.teardownLines()).allSatisfy(l -> assertThat(l).contains(INSTANCE));
                    assertThat(r.output().read(1))
                        .as("top-level trigger file")
                        .doesNotContain("hist:");
                    assertThat(r.distinct("next_comm")).contains("sh", "yes");
                  })
              .with(PlanOptions.defaults().withInstance("ftsqltest"))
              .around("mkdir $T/instances/ftsqltest", "rmdir $T/instances/ftsqltest")
              .alsoRead("cat $T/events/sched/sched_switch/trigger"));

  @TestFactory
  Stream<DynamicNode> singleEventHistograms() {
    Guest guest = Guest.fromSystemProperties();
    return Guest.onEachKernel(
        KERNELS,
        kernel ->
            QuerySuite.testsOn(
                guest, kernel, "histogram", BOOT_TIMEOUT, CASES, RealKernelHistogramTest::totals));
  }

  /** The event keeps firing while cat reads: the totals, printed after the entries, are larger. */
  private static void totals(HistResult r) {
    HistBlock h = r.hist();
    assertThat(h.totalEntries().getAsLong()).isGreaterThanOrEqualTo(h.entries().size());
    assertThat(h.hits().getAsLong())
        .isGreaterThanOrEqualTo(h.values("hitcount").stream().mapToLong(Long::longValue).sum());
  }
}
