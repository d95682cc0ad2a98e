package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.PlanOptions.Handler;
import dev.ftsql.plan.PlanOptions.Handler.Kind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The proof that joins work: stream joins through synthetic events, chains of them, filters on
 * either side and on the result, MAX over a join, a stack from the start event (6.3+; refused on
 * 6.1) and sqlhist's {@code -n}/{@code -m}/{@code -T}, compiled for 6.1 and 6.12 and applied with
 * the exact lines {@code ftsql sql} prints on the real kernel under QEMU (one boot per kernel),
 * then torn down with the {@code --teardown} lines. A user's checks follow: every line succeeds,
 * the result histogram on the synthetic event has entries whose latencies add up, and teardown
 * leaves trigger files and synthetic_events as they were.
 */
@EnabledIfSystemProperty(named = "ftsql.kernelTests", matches = "true")
class RealKernelJoinTest {
  private static final List<String> KERNELS = List.of("6.1", "6.12");
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);

  private static final Pattern LOG2 = Pattern.compile("~ 2\\^(\\d+)");
  private static final Pattern BUCKET = Pattern.compile("~ (\\d+)-(\\d+)");
  private static final Pattern SNAPSHOT =
      Pattern.compile(
          "Snapshot taken \\(see tracing/snapshot\\)\\.  Details:\\s*"
              + "triggering value \\{ onmax\\(\\$(\\w+)\\) \\}: +(\\d+)\\s*"
              + "triggered by event with key: \\{ next_pid: +(\\d+) *\\}");

  /*
   * Plausible latencies. Nothing in the TCG guest takes less than 2^6 ns (wakeups take 2^15 ns and
   * more, read syscalls 2^12), and the latencies here take less than 2 s, while a raw timestamp is
   * above 2 s: the guest has been up longer than that. A negative difference reads as a u64 near
   * 2^64. Every value must be plausible: with the guest's one CPU none was seen off in thousands.
   * (With -smp 2, TCG gave a few percent of 0 ns differences on 6.1 and some of -2 s on both.)
   */
  private static final long TWO_SECONDS = 2_000_000_000L;

  private static final int MIN_LOG2 = 6;
  private static final int MAX_LOG2 = 31;

  private static final String WAKEUP =
      "SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp AS lat"
          + " FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid";

  /** Sleeps are woken by hrtimers, on the CPU the timer fired on. */
  private static final String SLEEPS = "for i in $(seq 20); do sleep 0.005; done";

  /** Forks that exec /bin/busybox by path and then sleep: woken, switched in. */
  private static final String FORK_EXEC_SLEEP =
      "for i in 1 2 3 4 5 6 7 8; do /bin/busybox sleep 0.01; done";

  private static final List<HistCase> CASES =
      List.of(
          HistCase.of(
              "wakeup-log2",
              "WITH w AS ("
                  + WAKEUP
                  + ") SELECT comm, log2(lat), COUNT(*) FROM w"
                  + " GROUP BY comm, log2(lat)",
              r -> {
                assertThat(r.hist().entries())
                    .allSatisfy(e -> assertThat(e.keys()).containsOnlyKeys("comm", "lat"));
                assertLatencies(r, "lat");
                // busy_load's sleeps are woken by their timers; sh by its children's exits.
                assertThat(r.distinct("comm")).contains("sleep", "sh");
              }),
          HistCase.of(
                  "syscall-read",
                  "WITH rd AS (SELECT execname(x.common_pid) AS comm, x.common_timestamp -"
                      + " e.common_timestamp AS lat FROM sys_enter_read AS e JOIN sys_exit_read"
                      + " AS x ON e.common_pid = x.common_pid) SELECT comm, log2(lat), COUNT(*)"
                      + " FROM rd GROUP BY comm, log2(lat)",
                  r -> {
                    assertThat(r.hist().entries())
                        .allSatisfy(e -> assertThat(e.keys()).containsOnlyKeys("comm", "lat"));
                    assertLatencies(r, "lat");
                    assertThat(r.distinct("comm")).contains("cat");
                  })
              .withLoad(
                  "for i in $(seq 10); do cat /proc/version /proc/uptime >/dev/null; done",
                  "busy_load"),
          // A bare join: its display functions become the synthetic histogram's key modifiers.
          // (Only the syscall: a raw latency key would overflow the table.)
          HistCase.of(
                  "bare-join-syscall-name",
                  "SELECT syscall_name(e.id) AS sc FROM sys_enter AS e JOIN sys_exit AS x"
                      + " ON e.common_pid = x.common_pid",
                  r -> {
                    assertThat(r.hist().entries())
                        .allSatisfy(e -> assertThat(e.keys()).containsOnlyKeys("sc"));
                    // .syscall shows names, where a plain key would show numbers only
                    assertThat(r.distinct("sc")).anySatisfy(sc -> assertThat(sc).contains("read"));
                  })
              .withLoad(
                  "for i in $(seq 10); do cat /proc/version /proc/uptime >/dev/null; done",
                  "busy_load"),
          // A task that blocks (prev_state 1, TASK_INTERRUPTIBLE) until it runs again.
          HistCase.of(
              "self-join-blocked",
              "WITH blocked AS (SELECT b.next_comm AS comm, b.common_timestamp -"
                  + " a.common_timestamp AS lat FROM sched_switch AS a JOIN sched_switch AS b ON"
                  + " a.prev_pid = b.next_pid WHERE a.prev_state = 1) SELECT comm, SUM(lat),"
                  + " COUNT(*) FROM blocked GROUP BY comm",
              r -> {
                assertThat(r.hist().entries())
                    .allSatisfy(e -> assertThat(e.keys()).containsOnlyKeys("comm"));
                // A sum of plausible latencies: hitcount * 2^6 ns up to hitcount * 2 s.
                assertThat(r.hist().entries())
                    .allSatisfy(
                        e ->
                            assertThat(e.value("lat"))
                                .isBetween(e.hitcount() << MIN_LOG2, e.hitcount() * TWO_SECONDS));
                // busy_load's ten `sleep 0.01` block at least 10 ms each.
                assertThat(r.hist().entries())
                    .filteredOn(e -> e.key("comm").equals("sleep"))
                    .singleElement()
                    .satisfies(
                        e -> assertThat(e.value("lat")).isGreaterThanOrEqualTo(100_000_000L));
              }),
          // The seed's chain, keyed on all three values so that each entry can be added up.
          HistCase.of(
                  "chain-3",
                  "SELECT w.common_timestamp - t.common_timestamp AS irq_lat, s.common_timestamp"
                      + " - w.common_timestamp AS sched_lat, s.common_timestamp -"
                      + " t.common_timestamp AS total FROM hrtimer_expire_entry AS t JOIN"
                      + " sched_waking AS w ON t.common_cpu = w.common_cpu JOIN sched_switch AS s"
                      + " ON w.pid = s.next_pid",
                  r -> {
                    assertThat(r.syntheticEvents()).isEqualTo(2);
                    assertThat(r.hist().entries())
                        .allSatisfy(
                            e -> {
                              assertThat(e.keys())
                                  .containsOnlyKeys("irq_lat", "sched_lat", "total");
                              long irq = r.number(e, "irq_lat");
                              long sched = r.number(e, "sched_lat");
                              assertThat(irq).isBetween(1L << MIN_LOG2, TWO_SECONDS);
                              assertThat(sched).isBetween(1L << MIN_LOG2, TWO_SECONDS);
                              assertThat(r.number(e, "total")).isEqualTo(irq + sched);
                            });
                  })
              .with(PlanOptions.defaults().withName("chain"))
              .withLoad(SLEEPS, "busy_load"),
          HistCase.of(
                  "chain-4",
                  "WITH startup AS (SELECT x.filename AS file, x.common_timestamp -"
                      + " f.common_timestamp AS fork_to_exec, s.common_timestamp -"
                      + " f.common_timestamp AS fork_to_run FROM sched_process_fork AS f JOIN"
                      + " sched_process_exec AS x ON f.child_pid = x.pid JOIN sched_waking AS w ON"
                      + " x.pid = w.pid JOIN sched_switch AS s ON w.pid = s.next_pid) SELECT file,"
                      + " fork_to_exec, fork_to_run, COUNT(*) FROM startup GROUP BY file,"
                      + " fork_to_exec, fork_to_run",
                  r -> {
                    assertThat(r.syntheticEvents()).isEqualTo(3);
                    assertThat(r.hist().entries())
                        .allSatisfy(
                            e -> {
                              long exec = r.number(e, "fork_to_exec");
                              assertThat(exec).isBetween(1L << MIN_LOG2, TWO_SECONDS);
                              assertThat(r.number(e, "fork_to_run")).isBetween(exec, TWO_SECONDS);
                            });
                    // `sleep 0.01` runs between the exec and the wakeup.
                    assertThat(r.hist().entries())
                        .anySatisfy(
                            e ->
                                assertThat(r.number(e, "fork_to_run") - r.number(e, "fork_to_exec"))
                                    .isGreaterThanOrEqualTo(10_000_000L));
                    assertThat(r.distinct("file")).contains("/bin/busybox");
                  })
              .withLoad(FORK_EXEC_SLEEP),
          // The saved lat is the maximum's.
          HistCase.of(
              "max",
              "SELECT comm, MAX(lat) FROM (" + WAKEUP + ") AS j GROUP BY comm",
              r -> {
                assertThat(r.hist().entries())
                    .allSatisfy(
                        e -> {
                          assertThat(e.extras()).containsKeys("max", "lat");
                          assertThat(e.extras().get("max"))
                              .isBetween(1L << MIN_LOG2, TWO_SECONDS)
                              .isEqualTo(e.extras().get("lat"));
                        });
                assertThat(r.distinct("comm")).contains("sleep", "sh");
              }),
          // Wakeups under TCG take 2^16..2^25 ns: 1 ms splits them. Every bucket starts at 1 ms
          // or more, while the unfiltered histogram of the same boot has smaller ones.
          HistCase.of(
              "where-on-result",
              "WITH j AS ("
                  + WAKEUP
                  + ") SELECT comm, bucket(lat, 1000000), COUNT(*) FROM j"
                  + " WHERE lat > 1000000 GROUP BY comm, bucket(lat, 1000000)",
              r -> {
                assertThat(r.hist().keys("lat"))
                    .allSatisfy(
                        k -> {
                          Matcher m = BUCKET.matcher(k);
                          assertThat(m.matches()).as("'%s' is ~ lo-hi", k).isTrue();
                          assertThat(Long.parseUnsignedLong(m.group(1)))
                              .isBetween(1_000_000L, TWO_SECONDS);
                        });
                // ~ 2^19 is at most 524288 ns.
                assertThat(r.other("wakeup-log2").log2("lat"))
                    .anySatisfy(n -> assertThat(n).isLessThanOrEqualTo(19));
              }),
          // sqlhist's form: -n names the synthetic event, the columns are the keys.
          HistCase.of(
                  "sqlhist-name",
                  "SELECT start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS lat FROM"
                      + " sched_waking AS start JOIN sched_switch AS end ON start.pid ="
                      + " end.next_pid",
                  r -> {
                    assertThat(r.plan().result().histFile())
                        .isEqualTo("events/synthetic/wakeup/hist");
                    // In µs: a wakeup takes 2^15 ns and more, so at least 1.
                    assertThat(r.hist().entries())
                        .allSatisfy(
                            e -> {
                              assertThat(e.keys()).containsOnlyKeys("pid", "lat");
                              assertThat(r.number(e, "pid")).isPositive();
                              assertThat(r.number(e, "lat")).isBetween(1L, TWO_SECONDS / 1000);
                            });
                  })
              .with(PlanOptions.defaults().withName("wakeup")),
          // sqlhist -n wakeup_max -m lat -T: fire only on a new maximum per task, and snapshot
          // the trace buffer on a new overall maximum.
          HistCase.of(
                  "sqlhist-onmax-trace-snapshot",
                  "SELECT start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS lat FROM"
                      + " sched_waking AS start JOIN sched_switch AS end ON start.pid ="
                      + " end.next_pid",
                  r -> {
                    // Per task the maxima strictly grow: no (pid, lat) fires twice.
                    assertThat(r.hist().entries())
                        .allSatisfy(e -> assertThat(e.hitcount()).isEqualTo(1));
                    assertThat(r.hist().hits().getAsLong())
                        .isLessThan(r.other("sqlhist-name").hist().hits().getAsLong());
                    // sched_switch's hist, read before the result: each task's maximum and the
                    // snapshot's were traced, so the result has them (or larger ones, since).
                    String onmax = r.output().read(0);
                    Map<String, Long> traced = new HashMap<>();
                    r.hist()
                        .entries()
                        .forEach(e -> traced.merge(e.key("pid"), r.number(e, "lat"), Math::max));
                    HistBlock maxima = HistBlock.parseAll(onmax).get(0);
                    assertThat(maxima.entries())
                        .as("new maxima per task in%n%s", onmax)
                        .isNotEmpty()
                        .allSatisfy(
                            e ->
                                assertThat(traced.get(e.key("next_pid")))
                                    .as("largest lat traced for pid %s", e.key("next_pid"))
                                    .isNotNull()
                                    .isGreaterThanOrEqualTo(e.extras().get("max")));
                    Matcher m = SNAPSHOT.matcher(onmax);
                    assertThat(m.find()).as("snapshot block in%n%s", onmax).isTrue();
                    assertThat(traced.get(m.group(3)))
                        .as("largest lat traced for the snapshot's pid %s", m.group(3))
                        .isNotNull()
                        .isGreaterThanOrEqualTo(Long.parseUnsignedLong(m.group(2)));
                  })
              .with(
                  PlanOptions.defaults()
                      .withName("wakeup_max")
                      .withHandler(new Handler(Kind.MAX, "lat"), false, true))
              .readingFirst("cat $T/events/sched/sched_switch/hist"),
          // A stack taken on the start event travels in the synthetic event (6.3+): where each
          // wakeup was made, keyed as stack.stacktrace. 6.1 cannot hold a stack in a variable.
          HistCase.of(
                  "start-stack",
                  "WITH wake_stack AS (SELECT w.STACKTRACE AS stack, s.common_timestamp -"
                      + " w.common_timestamp AS lat FROM sched_waking AS w JOIN sched_switch AS s"
                      + " ON w.pid = s.next_pid) SELECT stack, COUNT(*) FROM wake_stack"
                      + " GROUP BY stack",
                  r -> {
                    List<String> stacks = r.stacks("stack");
                    // sched_waking fires in try_to_wake_up(): its callers wake tasks.
                    assertThat(stacks).anySatisfy(s -> assertThat(s).contains("wake"));
                    // Stacks differ by caller: busy_load's sleeps (timers) and its children's
                    // exits.
                    assertThat(stacks).hasSizeGreaterThanOrEqualTo(2);
                  })
              .refusedOn(
                  "6.1",
                  "the target kernel lacks stack traces in variables and synthetic events (Linux"
                      + " 6.3)"),
          // libtracefs's unit test SQL_1 with -m on a start value (sqlhist -n wakeup_1 -m
          // waking_pid): per woken task, the result fires only for a waker's pid above all before.
          HistCase.of(
                  "sqlhist-onmax-start-value",
                  "select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid"
                      + " from sched_waking join sched_switch on sched_switch.next_pid ="
                      + " sched_waking.pid",
                  r -> {
                    // A new maximum fires once: no (woke_pid, waking_pid) twice.
                    assertThat(r.hist().entries())
                        .allSatisfy(e -> assertThat(e.hitcount()).isEqualTo(1));
                    // Fewer results than wakeups: most wakers are not a new maximum.
                    assertThat(r.hist().hits().getAsLong())
                        .isLessThan(r.other("sqlhist-name").hist().hits().getAsLong());
                  })
              .with(
                  PlanOptions.defaults()
                      .withName("wakeup_1")
                      .withHandler(new Handler(Kind.MAX, "waking_pid"), false, false)),
          // A filter on each side: both must hold for a match, and the unfiltered join has both.
          HistCase.of(
              "where-start-and-end",
              "WITH f AS (SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp AS"
                  + " lat FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid"
                  + " WHERE w.comm <> 'sleep' AND w.prio = 120 AND s.next_comm <> 'sh')"
                  + " SELECT comm, log2(lat), COUNT(*) FROM f GROUP BY comm, log2(lat)",
              r -> {
                assertThat(r.distinct("comm")).isNotEmpty().doesNotContain("sleep", "sh");
                assertThat(r.other("wakeup-log2").distinct("comm")).contains("sleep", "sh");
                assertLatencies(r, "lat");
              }));

  @TestFactory
  Stream<DynamicNode> joins() {
    Guest guest = Guest.fromSystemProperties();
    return Guest.onEachKernel(
        KERNELS,
        kernel ->
            QuerySuite.testsOn(
                guest, kernel, "join", BOOT_TIMEOUT, CASES, RealKernelJoinTest::syntheticResult));
  }

  /** The result is read on the synthetic event, where nothing was dropped. */
  private static void syntheticResult(HistResult r) {
    assertThat(r.plan().result().histFile()).startsWith("events/synthetic/");
    assertThat(r.hist().dropped().getAsLong()).as("dropped").isZero();
  }

  /** A {@code .log2} latency key: every bucket from 2^6 ns to 2^31 ns. */
  private static void assertLatencies(HistResult r, String label) {
    assertThat(r.log2(label)).allSatisfy(n -> assertThat(n).isBetween(MIN_LOG2, MAX_LOG2));
  }
}
