package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The proof that the live commands work: the ftsql CLI itself (a jlink-ed JRE and
 * {@code cli/target/ftsql.jar} in the initramfs, see {@link GuestJava}) runs inside real 6.1 and
 * 6.12 kernels under QEMU, one boot per kernel, against their tracefs. Each case's trigger files,
 * synthetic events and instances must be byte-identical before and after it, whatever the case
 * did: run to the end, Ctrl-C, kill -9 and stop from another process, a refused name, a refused
 * write in the middle of a plan.
 *
 * <p>Runs with the other kernel tests ({@code tools/test.sh} passes {@code
 * -Dftsql.liveKernelTests=true}; {@code =false} leaves it out, {@code -Dftsql.kernels=6.12} runs one
 * kernel). It runs in Maven's integration-test phase, after {@code cli/target/ftsql.jar} is packaged,
 * so it works from a fresh clone. Time goes almost all into JVM starts under TCG: hence one boot per
 * kernel, as few {@code ftsql} processes as the cases need, and the AppCDS archive of {@link
 * GuestJava}. About 3.5 (6.1) and 4 to 5 (6.12) minutes per kernel on a nearly idle 2-core machine.
 * Measurements: docs/performance.md, section 5.
 */
@EnabledIfSystemProperty(named = "ftsql.liveKernelTests", matches = "true")
@EnabledIfSystemProperty(named = "ftsql.afterPackage", matches = "true",
    disabledReason = "runs in the integration-test phase, after the jar is packaged")
class RealKernelLiveTest {
  /** {@code -Dftsql.kernels=6.12} runs one. */
  private static final List<String> KERNELS =
      List.of(System.getProperty("ftsql.kernels", "6.1,6.12").split(","));
  /** A backstop: a boot takes a few minutes, but a loaded host (other guests) makes it several times longer. */
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(45);
  private static final int GUEST_MIB = 2048;
  private static final String T = "/sys/kernel/tracing";

  static final String SINGLE = "SELECT next_comm, COUNT(*) AS n FROM sched_switch GROUP BY next_comm";
  /** Another histogram on the same event: the kernel refuses a second trigger identical to one there. */
  static final String BY_PREV = "SELECT prev_comm, COUNT(*) AS n FROM sched_switch GROUP BY prev_comm";
  static final String JOIN =
      "WITH wakeup AS (SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp AS lat"
          + " FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid)"
          + " SELECT comm, log2(lat) AS lat_ns, COUNT(*) FROM wakeup GROUP BY comm, log2(lat)";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CLOCK = Pattern.compile("clock ([0-9.]+)");

  /** One case: the guest lines, and what must hold of its output. */
  private record LiveCase(GuestCase guest, Consumer<CaseOutput> check) {}

  @TestFactory
  Stream<DynamicNode> liveCommandsOnRealKernels() {
    Guest guest = Guest.fromSystemProperties();
    Path extra = GuestJava.prepare(guest);
    return Guest.onEachKernel(KERNELS, kernel -> testsOn(guest, extra, kernel));
  }

  private static Stream<DynamicNode> testsOn(Guest guest, Path extra, String kernel) {
    List<LiveCase> cases = cases(kernel);
    GuestRun run = guest.run(kernel, "live", cases.stream().map(c -> clocked(c.guest())).toList(), BOOT_TIMEOUT,
        GUEST_MIB, Optional.of(extra));
    System.out.printf("kernel %s: %d live cases in one boot, %d s; guest seconds since boot at the end of each"
        + " case's reads: %s%n", kernel, cases.size(), run.elapsed().toSeconds(), clocks(run, cases));
    return Stream.concat(Stream.of(run.ranToEnd()), cases.stream().map(c -> dynamicTest(c.guest().name(), () -> {
      CaseOutput out = run.get(c.guest().name());
      try {
        assertThat(out.complete()).as("the guest finished the case").isTrue();
        c.check().accept(out);
        assertThat(out.stateSame())
            .as("trigger files, synthetic_events and instances as before the case:%n%s", out.section("state"))
            .contains(true);
      } catch (AssertionError e) {
        AssertionError named = new AssertionError(String.format("kernel %s, case %s (guest output: %s)%n%s%n--- transcript%n%s",
            kernel, c.guest().name(), run.stdoutFile(), e.getMessage(), out.transcript()), e.getCause());
        named.setStackTrace(e.getStackTrace());
        throw named;
      }
    })));
  }

  private static List<LiveCase> cases(String kernel) {
    TracePlan join = new Compiler(CatalogLoader.embedded(kernel)).compile(JOIN, PlanOptions.defaults());
    // The trigger that fires the join (on sched_switch) is the plan's last line.
    Step fires = join.steps().get(join.steps().size() - 1);
    String conflicting = fires.line().replaceAll(".*[:,](ftsql_\\w+_e1_lat)=.*", "$1");
    String foreignTrigger = "hist:keys=prev_pid:" + conflicting + "=prev_prio";
    List<LiveCase> cases = new ArrayList<>();

    cases.add(new LiveCase(
        new GuestCase("run-single",
            // Light load for the whole boot: a wakeup and a fork every 50 ms (the JVMs add more).
            List.of("(while :; do sleep 0.05; done) >/dev/null 2>&1 &"),
            // This JVM also logs where its classes come from: most must come from the app archive.
            List.of("FTSQL_JAVA_OPTS=-Xlog:class+load=info:file=/tmp/classes.log"
                + " ftsql run --duration 4s --format json '" + SINGLE + "' >/tmp/single.json"),
            List.of(), List.of("cat /tmp/single.json",
                "grep -c 'source: shared objects file' /tmp/classes.log; grep -c 'source: file:' /tmp/classes.log;"
                    + " grep 'org.apache.calcite' /tmp/classes.log | grep -c 'source: shared objects file';"
                    + " grep 'org.apache.calcite' /tmp/classes.log | grep -c 'source: file:'"),
            List.of(), List.of()),
        out -> {
          assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(0);
          JsonNode doc = json(out.read(0));
          assertThat(doc.get("columns").toString())
              .isEqualTo("[{\"name\":\"next_comm\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"number\"}]");
          assertThat(doc.get("rows")).isNotEmpty();
          assertThat(doc.get("rows")).allSatisfy(r -> {
            assertThat(r.get("next_comm").isTextual()).isTrue();
            assertThat(r.get("n").asLong()).isPositive();
          });
          long hits = 0;
          for (JsonNode r : doc.get("rows")) {
            hits += r.get("n").asLong();
          }
          // Events that arrive while the file is printed count in Hits but may miss the rows.
          assertThat(doc.get("totals").get("hits").asLong()).isGreaterThanOrEqualTo(hits).isPositive();
          String[] counts = out.read(1).strip().split("\\s+");
          long shared = Long.parseLong(counts[0]);
          long jar = Long.parseLong(counts[1]);
          long calciteShared = Long.parseLong(counts[2]);
          long calciteJar = Long.parseLong(counts[3]);
          System.out.printf("kernel %s: 'ftsql run' loaded %d classes from the CDS archive (%d of Calcite),"
              + " %d from the jar (%d of Calcite)%n", kernel, shared, calciteShared, jar, calciteJar);
          assertThat(calciteJar).as("Calcite classes read from the jar: the archive was refused or misses them")
              .isLessThan(Math.max(1, calciteShared / 10));
        }));

    cases.add(new LiveCase(
        new GuestCase("run-join", List.of(),
            List.of("ftsql run --duration 6s --format json '" + JOIN + "' >/tmp/join.json"),
            List.of(), List.of("cat /tmp/join.json"), List.of(), List.of()),
        out -> {
          assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(0);
          JsonNode doc = json(out.read(0));
          assertThat(columns(doc)).containsExactly("comm", "lat_ns", "count");
          assertThat(doc.get("rows")).isNotEmpty();
          assertThat(doc.get("rows")).allSatisfy(r -> assertThat(r.get("lat_ns").has("log2")).isTrue());
        }));

    cases.add(new LiveCase(
        // Every command is its own process: the plan lives in tracefs and the state directory.
        new GuestCase("start-list-show-stop", List.of(),
            List.of("ftsql start -n cnt '" + SINGLE + "'"),
            GuestCase.BUSY_LOAD,
            List.of("ftsql list", "ftsql show cnt --format json"),
            List.of("ftsql stop cnt", "ftsql stop cnt"), List.of()),
        out -> {
          assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(0);
          assertThat(out.section("setup")).contains("cnt\n");
          assertThat(out.read(0)).containsPattern("cnt +applied +start +\\d+ ");
          JsonNode doc = json(out.read(1));
          assertThat(columns(doc)).containsExactly("next_comm", "n");
          assertThat(doc.get("rows")).isNotEmpty();
          assertThat(out.statuses("teardown")).as(out.section("teardown")).containsExactly(0, 0);
          assertThat(out.section("teardown")).contains("stopped cnt\n")
              .contains("ftsql: cnt is not running; nothing to stop");
        }));

    cases.add(new LiveCase(
        new GuestCase("ctrl-c", List.of(),
            List.of(
                "ftsql-bg int run --format json '" + SINGLE + "'",
                "ftsql-wait-applied int 600",
                "sleep 2",
                "kill -INT $(cat /tmp/bg-int.pid)",
                "ftsql-wait int 300"),
            List.of(), List.of(), List.of(), List.of()),
        out -> {
          assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(0, 0, 0, 0, 130);
          String s = out.section("setup");
          assertThat(s).contains("\"columns\":[{\"name\":\"next_comm\"").contains("ftsql: interrupted after");
        }));

    cases.add(new LiveCase(
        // In an instance that run creates: SIGTERM must remove the instance too.
        new GuestCase("sigterm-in-instance", List.of(),
            List.of(
                "ftsql-bg term run -B ftsqlrun --format csv '" + SINGLE + "'",
                "ftsql-wait-applied term 600",
                "sleep 2",
                "kill -TERM $(cat /tmp/bg-term.pid)",
                "ftsql-wait term 300"),
            List.of(), List.of(), List.of(), List.of()),
        out -> {
          assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(0, 0, 0, 0, 143);
          assertThat(out.section("setup")).containsPattern("next_comm,n\n[^,\n]+,\\d+\n")
              .contains("ftsql: interrupted after");
        }));

    cases.add(new LiveCase(
        new GuestCase("kill-9-then-stop-all", List.of(),
            List.of(
                // A plan applied by sql -e next to the orphan: stop --all removes both. First, so
                // that no JVM starts under the orphaned join's triggers but the ones the case needs.
                "ftsql sql -e -n viasql '" + BY_PREV + "'",
                "ftsql-bg k9 run '" + JOIN + "'",
                "ftsql-wait-applied k9 600",
                "kill -9 $(cat /tmp/bg-k9.pid)",
                "ftsql-wait k9 60",
                "ftsql list"),
            List.of(), List.of(), List.of("ftsql stop --all", "ls /run/ftsql"), List.of()),
        out -> {
          assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(0, 0, 0, 0, 137, 0);
          assertThat(out.section("setup")).containsPattern("ftsql_\\w+ +orphaned +run +\\d+ ")
              .containsPattern("viasql +applied +sql -e +\\d+ ");
          assertThat(out.statuses("teardown")).as(out.section("teardown")).containsExactly(0, 0);
          assertThat(out.section("teardown")).containsPattern("stopped ftsql_\\w+\n").contains("stopped viasql\n");
        }));

    cases.add(new LiveCase(
        new GuestCase("name-taken",
            List.of("echo 'wakeup u64 lat' >> " + T + "/synthetic_events"),
            List.of("ftsql run --duration 2s '" + JOIN + "'"),
            List.of(), List.of(), List.of(),
            List.of("echo '!wakeup' >> " + T + "/synthetic_events")),
        out -> {
          assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(4);
          assertThat(out.section("setup"))
              .contains("ftsql: the synthetic event name 'wakeup' is taken, by a synthetic event ftsql did not create")
              .contains("nothing was written");
        }));

    cases.add(new LiveCase(
        new GuestCase("refused-at-last-write",
            // Someone else's trigger already defines a variable that the last write defines too.
            List.of("echo '" + foreignTrigger + "' >> " + T + "/events/sched/sched_switch/trigger"),
            List.of("ftsql run --duration 2s '" + JOIN + "'"),
            List.of(), List.of(), List.of(),
            List.of("echo '!" + foreignTrigger + "' >> " + T + "/events/sched/sched_switch/trigger")),
        out -> {
          assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(4);
          String s = out.section("setup");
          assertThat(fires.file()).isEqualTo("events/sched/sched_switch/trigger");
          String line = fires.line();
          int n = join.steps().size();
          int at = line.indexOf(conflicting + "=");
          assertThat(s).contains("ftsql: the kernel refused write " + n + " of " + n
                  + " (events/sched/sched_switch/trigger): Variable already defined")
              .contains("\n  " + line + "\n  " + " ".repeat(at) + "^\n")
              .contains("from this part of the query:")
              .contains("rolled back: the " + (n - 1) + " earlier writes were undone; the tracefs is as it was");
          // The SQL caret sits under the join's timestamp difference.
          String[] lines = s.split("\n");
          for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals("  " + JOIN)) {
              int col = lines[i + 1].indexOf('^') - 2;
              assertThat(JOIN.substring(col)).startsWith("s.common_timestamp - w.common_timestamp");
            }
          }
          assertThat(s).contains("  " + JOIN + "\n");
          assertThat(out.section("error_log")).contains("Variable already defined");
        }));

    cases.add(new LiveCase(
        new GuestCase("library-sample", List.of(),
            List.of("ftsql-java WakeupLatency 3 >/tmp/sample.out"),
            List.of(), List.of("cat /tmp/sample.out", "ls /run/ftsql"), List.of(), List.of()),
        out -> {
          assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(0);
          assertThat(out.read(0)).containsPattern(" 3s: \\d+ wakeups; p50 \\d+ ns, p90 \\d+ ns, p99 \\d+ ns")
              .containsPattern("\\] +\\d+ \\|@+ *\\|");
          assertThat(out.read(1)).as("the state directory after close()").isBlank();
        }));

    return cases;
  }

  /** The case with one more read at its end: the guest's uptime, to see where a boot's time goes. */
  private static GuestCase clocked(GuestCase c) {
    List<String> read = new ArrayList<>(c.read());
    read.add("echo clock $(cut -d' ' -f1 /proc/uptime)");
    return new GuestCase(c.name(), c.prepare(), c.setup(), c.load(), read, c.teardown(), c.cleanup());
  }

  private static String clocks(GuestRun run, List<LiveCase> cases) {
    List<String> out = new ArrayList<>();
    for (LiveCase c : cases) {
      try {
        CaseOutput o = run.get(c.guest().name());
        Matcher m = CLOCK.matcher(o.read(c.guest().read().size()));
        out.add(c.guest().name() + " " + (m.find() ? m.group(1) : "?"));
      } catch (AssertionError | RuntimeException e) {
        out.add(c.guest().name() + " ?");
      }
    }
    return String.join(", ", out);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  private static List<String> columns(JsonNode doc) {
    List<String> out = new ArrayList<>();
    doc.get("columns").forEach(c -> out.add(c.get("name").asText()));
    return out;
  }
}
