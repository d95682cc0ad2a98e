package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ftsql.cli.Main;
import dev.ftsql.export.BusyBoxScript;
import dev.ftsql.export.CatalogSnippet;
import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import picocli.CommandLine;

/**
 * The proof that {@code ftsql export} scripts work where only BusyBox is: on real 6.1 and 6.12
 * kernels under QEMU (no JRE in the guest), one boot per kernel. For a single-event query, a
 * 2-event join, a 3-event chain, an instance and a query that tries shell injection: {@code up},
 * load, {@code show} has entries, {@code status} says up with Hits, a second {@code up} refuses and
 * changes nothing, {@code down} twice, and the trigger files, synthetic_events and instances are as
 * before. A script whose last step the kernel rejects and a plan for an event the kernel lacks
 * leave tracefs as it was. The catalog snippet's output, decoded here, compiles the same plans as
 * the embedded snapshot of that kernel.
 */
@EnabledIfSystemProperty(named = "ftsql.kernelTests", matches = "true")
class RealKernelExportTest {
  private static final List<String> KERNELS = List.of("6.1", "6.12");
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(8);
  private static final String INSTANCE = "ftsqlexp";
  private static final String MISSING_ON_61 = "SELECT COUNT(*) FROM block_io_start";
  private static final String MISSING_ON_612 = "SELECT COUNT(*) FROM io_uring_submit_sqe";
  private static final String CLOCK = "echo \"clock: $(cat $T/trace_clock)\"";
  private static final Pattern HITS =
      Pattern.compile("\\n  Hits: (\\d+)\\n  Entries: (\\d+)\\n  Dropped: (\\d+)\\n");

  /** A query to export, run through up / show / status / up again / down / down. */
  private record Query(String name, String sql, PlanOptions options, boolean expectEntries) {}

  private static final List<Query> QUERIES =
      List.of(
          new Query(
              "single",
              "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm",
              PlanOptions.defaults(),
              true),
          new Query(
              "join",
              "WITH wake AS (SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp AS"
                  + " lat FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid)"
                  + " SELECT comm, log2(lat), COUNT(*) FROM wake GROUP BY comm, log2(lat)",
              PlanOptions.defaults().withName("exp_wake"),
              true),
          // The seed's chain (golden-joins.txt): timer -> wakeup (same CPU) -> switch (same pid).
          new Query(
              "chain",
              "SELECT w.common_timestamp - t.common_timestamp AS irq_lat,"
                  + " s.common_timestamp - w.common_timestamp AS sched_lat,"
                  + " s.common_timestamp - t.common_timestamp AS total"
                  + " FROM hrtimer_expire_entry AS t JOIN sched_waking AS w ON t.common_cpu ="
                  + " w.common_cpu JOIN sched_switch AS s ON w.pid = s.next_pid",
              PlanOptions.defaults().withName("exp_chain"),
              true),
          new Query(
              "instance",
              "SELECT prev_comm, COUNT(*) FROM sched_switch GROUP BY prev_comm",
              PlanOptions.defaults().withInstance(INSTANCE),
              true),
          // Two triggers on one event, told apart by their variables.
          new Query(
              "self-join",
              "WITH blocked AS (SELECT b.next_comm AS comm, b.common_timestamp - a.common_timestamp"
                  + " AS lat FROM sched_switch AS a JOIN sched_switch AS b ON a.prev_pid ="
                  + " b.next_pid WHERE a.prev_state = 1) SELECT comm, SUM(lat) AS total_ns,"
                  + " COUNT(*) FROM blocked GROUP BY comm",
              PlanOptions.defaults().withName("exp_blocked"),
              true),
          // Triggers without variables, found by how the kernel prints them: values, a filter
          // and a descending sort; a sort key the kernel prints with its modifier (.log2,
          // .syscall); the stack key, spelled differently on 6.1 and 6.12.
          new Query(
              "vals-filter-sort",
              "SELECT next_comm, COUNT(*) AS n, SUM(prev_prio) FROM sched_switch WHERE prev_state ="
                  + " 1 GROUP BY next_comm ORDER BY n DESC",
              PlanOptions.defaults(),
              true),
          new Query(
              "log2-sort",
              "SELECT log2(bytes_req), COUNT(*) FROM kmalloc GROUP BY log2(bytes_req) ORDER BY"
                  + " log2(bytes_req)",
              PlanOptions.defaults(),
              true),
          new Query(
              "syscall-sort",
              "SELECT CAST(id AS SYSCALL), COUNT(*) FROM sys_enter GROUP BY id ORDER BY id",
              PlanOptions.defaults(),
              true),
          new Query(
              "stacktrace",
              "SELECT STACKTRACE, COUNT(*) FROM sched_switch GROUP BY STACKTRACE",
              PlanOptions.defaults(),
              true),
          // A variable and onmax(): found by the variable.
          new Query(
              "max",
              "SELECT next_comm, MAX(prev_prio) FROM sched_switch GROUP BY next_comm",
              PlanOptions.defaults(),
              true),
          // Whatever the kernel makes of the filter, the shell must never run the literal.
          new Query(
              "injection",
              "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_comm = 'x''; touch /tmp/p;"
                  + " echo ''' GROUP BY next_comm",
              PlanOptions.defaults(),
              false));

  @TestFactory
  Stream<DynamicNode> exportedScripts() {
    Guest guest = Guest.fromSystemProperties();
    return Guest.onEachKernel(KERNELS, kernel -> testsOn(guest, kernel));
  }

  private static Stream<DynamicNode> testsOn(Guest guest, String kernel) {
    Compiler compiler = new Compiler(CatalogLoader.embedded(kernel));
    String target = compiler.profile().description();
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, TracePlan> plans = new LinkedHashMap<>();
    List<GuestCase> cases = new ArrayList<>();
    // First, while the trace clock is the kernel's default: the chain's script with its last
    // step replaced by one the kernel rejects (the steps before switch the clock).
    String chain = QUERIES.get(2).sql();
    TracePlan broken = compiler.compile(chain, PlanOptions.defaults().withName("exp_broken"));
    files.put("ftsql/broken.sh", breakLastStep(BusyBoxScript.render(broken, chain, target)));
    cases.add(
        new GuestCase(
            "broken",
            List.of(CLOCK),
            List.of("sh /ftsql/broken.sh up"),
            List.of(),
            List.of(status("broken")),
            List.of(),
            List.of(CLOCK)));

    // A plan for an event this kernel does not have, compiled for the other kernel.
    String otherKernel = kernel.equals("6.1") ? "6.12" : "6.1";
    String missingSql = kernel.equals("6.1") ? MISSING_ON_61 : MISSING_ON_612;
    Compiler other = new Compiler(CatalogLoader.embedded(otherKernel));
    files.put(
        "ftsql/missing.sh",
        BusyBoxScript.render(
            other.compile(missingSql, PlanOptions.defaults()),
            missingSql,
            other.profile().description()));
    cases.add(
        new GuestCase(
            "missing",
            List.of(),
            List.of("sh /ftsql/missing.sh up"),
            List.of(),
            List.of(),
            List.of(),
            List.of()));

    for (Query q : QUERIES) {
      TracePlan plan = compiler.compile(q.sql(), q.options());
      plans.put(q.name(), plan);
      files.put("ftsql/" + q.name() + ".sh", BusyBoxScript.render(plan, q.sql(), target));
      cases.add(lifecycle(q));
    }

    // The catalog snippet, as the jar carries it.
    files.put("ftsql/catalog-snippet.sh", CatalogSnippet.text());
    cases.add(
        new GuestCase(
            "catalog",
            List.of(),
            List.of(),
            List.of(),
            List.of(
                "echo FTSQL-CAT-BEGIN; sh /ftsql/catalog-snippet.sh | gzip -c | base64; echo"
                    + " FTSQL-CAT-END"),
            List.of(),
            List.of()));

    GuestRun run = guest.run(kernel, "export", cases, BOOT_TIMEOUT, files);

    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(run.ranToEnd());
    for (Query q : QUERIES) {
      nodes.add(dynamicContainer(q.name(), lifecycleTests(run, q, plans.get(q.name()))));
    }
    nodes.add(
        dynamicTest(
            "a rejected last step leaves tracefs as it was",
            run.inContext(
                "broken",
                () -> {
                  CaseOutput out = run.get("broken");
                  assertThat(out.statuses("setup")).containsExactly(1);
                  assertThat(out.section("setup"))
                      .contains("exp_broken: step 7 failed")
                      .contains("Couldn't find field")
                      .contains("removed the 6 steps it had applied: tracefs is as it was");
                  assertThat(out.stateSame()).as(out.section("state")).contains(true);
                  assertThat(out.read(0)).contains("exp_broken: down").contains("status-rc=3");
                  assertThat(clock(out.section("cleanup")))
                      .as("trace_clock")
                      .isEqualTo(clock(out.section("prepare")));
                })));
    nodes.add(
        dynamicTest(
            "a plan for a missing event changes nothing",
            run.inContext(
                "missing",
                () -> {
                  CaseOutput out = run.get("missing");
                  assertThat(out.statuses("setup")).containsExactly(1);
                  assertThat(out.section("setup"))
                      .contains("this kernel lacks what the plan needs; nothing changed:")
                      .contains(
                          "  event "
                              + (kernel.equals("6.1")
                                  ? "block/block_io_start"
                                  : "io_uring/io_uring_submit_sqe"));
                  assertThat(out.stateSame()).as(out.section("state")).contains(true);
                  assertThat(out.section("error_log")).isBlank();
                })));
    nodes.add(
        dynamicTest(
            "the catalog snippet's snapshot compiles the same plans",
            run.inContext(
                "catalog",
                () -> {
                  // As a user would: the decoded output saved to a file, given to --kernel FILE.
                  Path file = run.stdoutFile().resolveSibling("export-" + kernel + "-board.ftcat");
                  Files.write(file, snapshot(run.get("catalog").read(0)));
                  for (Query q : QUERIES) {
                    assertThat(sqlLines(file.toString(), q))
                        .as(q.name())
                        .isEqualTo(sqlLines(kernel, q));
                  }
                  EventCatalog board = CatalogLoader.fromSnapshot(file);
                  assertThat(board.eventPaths())
                      .isEqualTo(CatalogLoader.embedded(kernel).eventPaths());
                  Compiler fromBoard = new Compiler(board);
                  for (Query q : QUERIES) {
                    assertThat(fromBoard.compile(q.sql(), q.options()))
                        .as(q.name())
                        .isEqualTo(plans.get(q.name()));
                  }
                })));
    return nodes.stream();
  }

  /** What {@code ftsql sql --kernel K} prints for the query (its exit status first). */
  private static List<String> sqlLines(String kernel, Query q) {
    List<String> args = new ArrayList<>(List.of("sql", "--kernel", kernel));
    q.options().name().ifPresent(n -> args.addAll(List.of("-n", n)));
    q.options().instance().ifPresent(i -> args.addAll(List.of("-B", i)));
    args.add(q.sql());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args.toArray(String[]::new));
    List<String> lines = new ArrayList<>(List.of("exit " + exit + err));
    lines.addAll(out.toString().lines().toList());
    return lines;
  }

  /** up, load, show, status, up again, down, down, status. */
  private static GuestCase lifecycle(Query q) {
    String sh = "sh /ftsql/" + q.name() + ".sh";
    List<String> reads =
        new ArrayList<>(
            List.of(
                sh + " show",
                status(q.name()),
                "snapshot >/tmp/up1; "
                    + sh
                    + " up; echo \"up-rc=$?\"; snapshot >/tmp/up2; if cmp -s /tmp/up1 /tmp/up2;"
                    + " then echo up-unchanged; else echo up-changed; fi"));
    List<String> prepare = new ArrayList<>(List.of(CLOCK));
    List<String> cleanup = new ArrayList<>(List.of(status(q.name()), CLOCK));
    if (q.options().instance().isPresent()) {
      prepare.add("mkdir $T/instances/" + INSTANCE);
      cleanup.add("rmdir $T/instances/" + INSTANCE);
    }
    if (q.name().equals("injection")) {
      reads.add("ls /tmp/p");
      cleanup.add("ls /tmp/p");
    }
    return new GuestCase(
        q.name(),
        prepare,
        List.of(sh + " up"),
        GuestCase.BUSY_LOAD,
        reads,
        List.of(sh + " down", sh + " down"),
        cleanup);
  }

  private static String clock(String section) {
    return section
        .lines()
        .filter(l -> l.startsWith("clock: "))
        .findFirst()
        .orElse("(no clock line)");
  }

  private static String status(String name) {
    return "sh /ftsql/" + name + ".sh status; echo \"status-rc=$?\"";
  }

  private static Stream<DynamicNode> lifecycleTests(GuestRun run, Query q, TracePlan plan) {
    String name = plan.name();
    int n = plan.steps().size();
    String steps = n == 1 ? "1 step" : n + " steps";
    return Stream.of(
        dynamicTest(
            "up",
            run.inContext(
                q.name(),
                () -> {
                  CaseOutput out = run.get(q.name());
                  assertThat(out.complete()).as(out.transcript()).isTrue();
                  assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(0);
                  assertThat(out.section("setup"))
                      .contains(name + ": up: " + steps + " applied in /sys/kernel/tracing");
                })),
        dynamicTest(
            "show prints its histogram",
            run.inContext(
                q.name(),
                () -> {
                  String show = run.get(q.name()).read(0);
                  assertThat(HistBlock.parseAll(show)).as(show).hasSize(1);
                  HistBlock h = HistBlock.forTrigger(show, plan.result().trigger());
                  assertThat(h.hasTotals()).as(show).isTrue();
                  if (q.expectEntries()) {
                    assertThat(h.entries()).as(show).isNotEmpty();
                  }
                })),
        dynamicTest(
            "status says up, with the totals",
            run.inContext(
                q.name(),
                () -> {
                  String status = run.get(q.name()).read(1);
                  assertThat(status)
                      .contains(name + ": up (" + steps + " in /sys/kernel/tracing)")
                      .contains("status-rc=0");
                  Matcher m = HITS.matcher(status);
                  assertThat(m.find()).as(status).isTrue();
                  if (q.expectEntries()) {
                    assertThat(Long.parseLong(m.group(1))).isPositive();
                    assertThat(Long.parseLong(m.group(2))).isPositive();
                  }
                })),
        dynamicTest(
            "a second up refuses and changes nothing",
            run.inContext(
                q.name(),
                () -> {
                  String again = run.get(q.name()).read(2);
                  assertThat(again)
                      .contains(name + ": already up in /sys/kernel/tracing; nothing changed")
                      .contains("up-rc=1")
                      .contains("up-unchanged");
                })),
        dynamicTest(
            "down, and down again, restore tracefs",
            run.inContext(
                q.name(),
                () -> {
                  CaseOutput out = run.get(q.name());
                  assertThat(out.statuses("teardown"))
                      .as(out.section("teardown"))
                      .containsExactly(0, 0);
                  assertThat(out.section("teardown"))
                      .contains(name + ": down: removed " + steps + " from /sys/kernel/tracing")
                      .contains(name + ": down: none of it is in /sys/kernel/tracing");
                  assertThat(out.stateSame())
                      .as(
                          "trigger files, synthetic_events and instances as before:%n%s",
                          out.section("state"))
                      .contains(true);
                  assertThat(out.section("error_log")).as("error_log").isBlank();
                  assertThat(out.section("cleanup"))
                      .contains(name + ": down")
                      .contains("status-rc=3");
                  // Timestamps switch the clock to global; the kernel does not switch it back, and
                  // up
                  // says so.
                  String before = clock(out.section("prepare"));
                  String after = clock(out.section("cleanup"));
                  if (!before.equals(after)) {
                    assertThat(after).contains("[global]");
                    assertThat(out.section("setup"))
                        .contains(
                            name
                                + ": note: for the plan's timestamps the kernel switched"
                                + " the trace clock from local to global;");
                  }
                  if (q.name().equals("injection")) {
                    assertThat(out.read(3)).contains("No such file");
                    assertThat(out.section("cleanup")).contains("No such file");
                  }
                })));
  }

  /** The script with the line of its last step replaced by a trigger the kernel rejects. */
  private static String breakLastStep(String script) {
    Matcher last = Pattern.compile("(?m)^    step 7 ('[^']*') '[^']*'$").matcher(script);
    assertThat(last.find()).as("step 7 in %s", script).isTrue();
    return script.substring(0, last.start())
        + "    step 7 "
        + last.group(1)
        + " 'hist:keys=no_such_field'"
        + script.substring(last.end());
  }

  /** The gzipped snapshot printed as base64 between the markers. */
  private static byte[] snapshot(String read) {
    int from = read.indexOf("FTSQL-CAT-BEGIN\n");
    int to = read.indexOf("FTSQL-CAT-END");
    assertThat(from).as(read.length() > 2000 ? read.substring(0, 2000) : read).isNotNegative();
    assertThat(to).isGreaterThan(from);
    byte[] gz =
        Base64.getMimeDecoder().decode(read.substring(from + "FTSQL-CAT-BEGIN\n".length(), to));
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
