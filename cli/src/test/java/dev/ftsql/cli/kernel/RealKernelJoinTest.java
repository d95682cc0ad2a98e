package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ftsql.export.EchoLines;
import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.PlanOptions.Handler;
import dev.ftsql.plan.PlanOptions.Handler.Kind;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.function.Executable;

/**
 * The proof that joins work: stream joins through synthetic events, chains of them, filters on
 * either side and on the result, MAX over a join and sqlhist's {@code -n}/{@code -m}/{@code -T},
 * compiled for 6.1 and 6.12 and applied with the exact lines {@code ftsql sql} prints on the real
 * kernel under QEMU (one boot per kernel), then torn down with the {@code --teardown} lines. A
 * user's checks follow: every line succeeds, the result histogram on the synthetic event has
 * entries whose latencies add up, and teardown leaves trigger files and synthetic_events as they
 * were.
 */
@EnabledIfSystemProperty(named = "ftsql.kernelTests", matches = "true")
class RealKernelJoinTest {
  private static final List<String> KERNELS = List.of("6.1", "6.12");
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);
  private static final String T = EchoLines.DEFAULT_MOUNT;

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

  private static final List<JoinCase> CASES =
      List.of(
          JoinCase.of(
              "wakeup-log2",
              "WITH w AS ("
                  + WAKEUP
                  + ") SELECT comm, log2(lat), COUNT(*) FROM w"
                  + " GROUP BY comm, log2(lat)",
              r -> {
                assertThat(r.hist().entries())
                    .allSatisfy(e -> assertThat(e.keys()).containsOnlyKeys("comm", "lat"));
                r.assertLatencies("lat");
                // busy_load's sleeps are woken by their timers; sh by its children's exits.
                assertThat(r.distinct("comm")).contains("sleep", "sh");
              }),
          JoinCase.of(
                  "syscall-read",
                  "WITH rd AS (SELECT execname(x.common_pid) AS comm, x.common_timestamp -"
                      + " e.common_timestamp AS lat FROM sys_enter_read AS e JOIN sys_exit_read"
                      + " AS x ON e.common_pid = x.common_pid) SELECT comm, log2(lat), COUNT(*)"
                      + " FROM rd GROUP BY comm, log2(lat)",
                  r -> {
                    assertThat(r.hist().entries())
                        .allSatisfy(e -> assertThat(e.keys()).containsOnlyKeys("comm", "lat"));
                    r.assertLatencies("lat");
                    assertThat(r.distinct("comm")).contains("cat");
                  })
              .withLoad(
                  "for i in $(seq 10); do cat /proc/version /proc/uptime >/dev/null; done",
                  "busy_load"),
          // A task that blocks (prev_state 1, TASK_INTERRUPTIBLE) until it runs again.
          JoinCase.of(
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
          JoinCase.of(
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
          JoinCase.of(
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
          JoinCase.of(
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
          JoinCase.of(
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
          JoinCase.of(
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
          JoinCase.of(
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
          // A filter on each side: both must hold for a match, and the unfiltered join has both.
          JoinCase.of(
              "where-start-and-end",
              "WITH f AS (SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp AS"
                  + " lat FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid"
                  + " WHERE w.comm <> 'sleep' AND w.prio = 120 AND s.next_comm <> 'sh')"
                  + " SELECT comm, log2(lat), COUNT(*) FROM f GROUP BY comm, log2(lat)",
              r -> {
                assertThat(r.distinct("comm")).isNotEmpty().doesNotContain("sleep", "sh");
                assertThat(r.other("wakeup-log2").distinct("comm")).contains("sleep", "sh");
                r.assertLatencies("lat");
              }));

  @TestFactory
  Stream<DynamicNode> joins() {
    Guest guest = Guest.fromSystemProperties();
    // Stream.of(k).flatMap(...) is lazy: each kernel boots when its container runs.
    return KERNELS.stream()
        .map(
            k ->
                dynamicContainer(
                    "kernel " + k, Stream.of(k).flatMap(kernel -> testsOn(guest, kernel))));
  }

  private static Stream<DynamicNode> testsOn(Guest guest, String kernel) {
    Compiler compiler = new Compiler(CatalogLoader.embedded(kernel));
    Map<String, TracePlan> plans = new LinkedHashMap<>();
    Map<String, RuntimeException> refused = new LinkedHashMap<>();
    List<GuestCase> guestCases = new ArrayList<>();
    for (JoinCase c : CASES) {
      try {
        TracePlan plan = compiler.compile(c.sql(), c.options());
        plans.put(c.name(), plan);
        guestCases.add(c.toGuestCase(plan));
      } catch (RuntimeException e) {
        refused.put(c.name(), e);
      }
    }
    GuestRun run = guest.run(kernel, "join", guestCases, BOOT_TIMEOUT);
    System.out.printf(
        "kernel %s: %d join cases in one boot, %d s%n",
        kernel, guestCases.size(), run.elapsed().toSeconds());
    Map<String, JoinResult> results = new LinkedHashMap<>();
    for (JoinCase c : CASES) {
      TracePlan plan = plans.get(c.name());
      if (plan != null) {
        results.put(
            c.name(),
            new JoinResult(kernel, plan, () -> run.get(c.name()), c.before().size(), results::get));
      }
    }
    Stream<DynamicNode> boot =
        Stream.of(
            dynamicTest(
                "the payload ran to its end",
                () -> {
                  assertThat(run.finished()).as("see %s", run.stdoutFile()).isTrue();
                  assertThat(run.exitStatus()).as("payload exit status").isZero();
                }));
    Stream<DynamicNode> cases =
        CASES.stream()
            .map(
                c ->
                    refused.containsKey(c.name())
                        ? dynamicTest(
                            c.name(),
                            () -> {
                              throw new AssertionError(
                                  "does not compile for " + kernel + ": " + c.sql(),
                                  refused.get(c.name()));
                            })
                        : dynamicContainer(
                            c.name(),
                            Stream.of(
                                dynamicTest(
                                    "histogram",
                                    inContext(
                                        run, c, () -> checkHistogram(c, results.get(c.name())))),
                                dynamicTest(
                                    "teardown",
                                    inContext(
                                        run, c, () -> checkTeardown(results.get(c.name())))))));
    return Stream.concat(boot, cases);
  }

  /** Failures name the kernel, the case and where the guest's output is. */
  private static Executable inContext(GuestRun run, JoinCase c, Executable check) {
    return () -> {
      try {
        check.execute();
      } catch (AssertionError e) {
        AssertionError named =
            new AssertionError(
                String.format(
                    "kernel %s, case %s: %s%n(guest output: %s)%n%s",
                    run.kernel(), c.name(), c.sql(), run.stdoutFile(), e.getMessage()),
                e.getCause());
        named.setStackTrace(e.getStackTrace());
        throw named;
      }
    };
  }

  /** What every join must show, then the case's own checks. */
  private static void checkHistogram(JoinCase c, JoinResult r) {
    CaseOutput out = r.output();
    assertThat(out.complete()).as("the guest finished the case:%n%s", out.transcript()).isTrue();
    assertThat(out.statuses("setup"))
        .as(
            "exit status of each setup line of %s%n%s%nguest output:%n%s",
            c.sql(), String.join("\n", r.setupLines()), out.section("setup"))
        .hasSize(r.setupLines().size())
        .containsOnly(0);
    assertThat(r.plan().result().histFile()).startsWith("events/synthetic/");
    HistBlock h = r.hist();
    assertThat(h.entries()).as("entries of %s", h.triggerInfo()).isNotEmpty();
    assertThat(h.entries()).allSatisfy(e -> assertThat(e.hitcount()).isPositive());
    assertThat(h.hasTotals()).as("Totals: in%n%s", r.histText()).isTrue();
    assertThat(h.dropped().getAsLong()).as("dropped").isZero();
    c.check().accept(r);
  }

  /** As in {@link RealKernelHistogramTest}: lines succeed and the state is as before setup. */
  private static void checkTeardown(JoinResult r) {
    CaseOutput out = r.output();
    boolean setupOk =
        out.statuses("setup").size() == r.setupLines().size()
            && out.statuses("setup").stream().allMatch(s -> s == 0);
    if (setupOk) {
      assertThat(out.statuses("teardown"))
          .as(
              "exit status of each teardown line%n%s%nguest output:%n%s",
              String.join("\n", r.teardownLines()), out.section("teardown"))
          .hasSize(r.teardownLines().size())
          .containsOnly(0);
    }
    assertThat(out.stateSame())
        .as(
            "trigger files, synthetic_events and instances as before setup:%n%s",
            out.section("state"))
        .contains(true);
    if (setupOk) {
      assertThat(out.section("error_log")).as("error_log after the case").isBlank();
    }
  }

  /**
   * A join query, its load, and what a user would check in its result histogram.
   *
   * @param before shell lines whose output is kept before the result's hist file is read
   */
  private record JoinCase(
      String name,
      String sql,
      PlanOptions options,
      List<String> load,
      List<String> before,
      Consumer<JoinResult> check) {

    static JoinCase of(String name, String sql, Consumer<JoinResult> check) {
      return new JoinCase(name, sql, PlanOptions.defaults(), GuestCase.BUSY_LOAD, List.of(), check);
    }

    JoinCase with(PlanOptions o) {
      return new JoinCase(name, sql, o, load, before, check);
    }

    JoinCase withLoad(String... lines) {
      return new JoinCase(name, sql, options, List.of(lines), before, check);
    }

    JoinCase readingFirst(String... lines) {
      return new JoinCase(name, sql, options, load, List.of(lines), check);
    }

    GuestCase toGuestCase(TracePlan plan) {
      List<String> reads = new ArrayList<>(before);
      reads.add("cat " + T + "/" + plan.root() + plan.result().histFile());
      return new GuestCase(
          name,
          List.of(),
          EchoLines.setup(plan, T),
          load,
          reads,
          EchoLines.teardown(plan, T),
          List.of());
    }
  }

  /** One join case's outcome on one kernel. */
  private static final class JoinResult {
    private final String kernel;
    private final TracePlan plan;
    private final Supplier<CaseOutput> output;
    private final int histRead;
    private final Function<String, JoinResult> others;
    private HistBlock hist;

    JoinResult(
        String kernel,
        TracePlan plan,
        Supplier<CaseOutput> output,
        int histRead,
        Function<String, JoinResult> others) {
      this.kernel = kernel;
      this.plan = plan;
      this.output = output;
      this.histRead = histRead;
      this.others = others;
    }

    TracePlan plan() {
      return plan;
    }

    CaseOutput output() {
      return output.get();
    }

    /** Another case of the same boot. */
    JoinResult other(String name) {
      JoinResult o = others.apply(name);
      if (o == null) {
        throw new AssertionError("case " + name + " did not run on " + kernel);
      }
      return o;
    }

    List<String> setupLines() {
      return EchoLines.setup(plan, T);
    }

    List<String> teardownLines() {
      return EchoLines.teardown(plan, T);
    }

    long syntheticEvents() {
      return plan.steps().stream().filter(s -> s instanceof Step.CreateSyntheticEvent).count();
    }

    String histText() {
      return output().read(histRead);
    }

    /** The result histogram: the block of the plan's final trigger. */
    HistBlock hist() {
      if (hist == null) {
        hist = HistBlock.forTrigger(histText(), plan.result().trigger());
      }
      return hist;
    }

    Set<String> distinct(String label) {
      return new LinkedHashSet<>(hist().keys(label));
    }

    /** A plain numeric key: a u64, so a negative difference reads as a negative long. */
    long number(HistEntry e, String label) {
      String k = e.key(label);
      assertThat(k).as("%s is a number", label).matches("\\d+");
      return Long.parseUnsignedLong(k);
    }

    /** A {@code .log2} latency key: every bucket from 2^6 ns to 2^31 ns. */
    void assertLatencies(String label) {
      assertThat(log2(label)).allSatisfy(n -> assertThat(n).isBetween(MIN_LOG2, MAX_LOG2));
    }

    /** The exponents of a {@code .log2} key ({@code ~ 2^N}). */
    List<Integer> log2(String label) {
      return hist().keys(label).stream()
          .map(
              k -> {
                Matcher m = LOG2.matcher(k);
                assertThat(m.matches()).as("%s rendered as ~ 2^N: '%s'", label, k).isTrue();
                return Integer.parseInt(m.group(1));
              })
          .toList();
    }
  }
}
