package dev.ftsql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code ftsql} command as a user runs it: output, exit codes, messages. */
class CliTest {
  static final String QUERY = "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm";

  @Test
  void sqlPrintsAppendingEchoLines() {
    Cli r = Cli.run("sql", "--kernel", "6.12", QUERY);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(
        "echo 'hist:keys=next_comm' >> /sys/kernel/tracing/events/sched/sched_switch/trigger\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void theEmbeddedDefaultNeedsNoTracefs() {
    Cli r = Cli.run("sql", QUERY);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("hist:keys=next_comm");
  }

  @Test
  void teardownPrintsTheUndoLines() {
    Cli r = Cli.run("sql", "--kernel", "6.1", "--teardown", QUERY);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(
        "echo '!hist:keys=next_comm' >> /sys/kernel/tracing/events/sched/sched_switch/trigger\n");
  }

  @Test
  void instancePathsStayUnderInstances() {
    Cli r = Cli.run("sql", "--kernel", "6.12", "-B", "lat", QUERY);
    assertThat(r.out()).contains(">> /sys/kernel/tracing/instances/lat/events/sched/sched_switch/trigger");
  }

  @Test
  void readsTheQueryFromAFileOrStdin(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("q.sql");
    Files.writeString(f, "-- switches per task\n" + QUERY + ";\n");
    assertThat(Cli.run("sql", "--kernel", "6.12", "-f", f.toString()).out()).contains("hist:keys=next_comm");
    assertThat(Cli.runWithStdin(QUERY, "sql", "--kernel", "6.12", "-f", "-").out()).contains("hist:keys=next_comm");
  }

  @Test
  void aBadQueryEndsInOneLineAndACaretAndExitThree() {
    Cli r = Cli.run("sql", "--kernel", "6.12", "SELECT nex_comm, COUNT(*) FROM sched_switch GROUP BY nex_comm");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    List<String> lines = r.err().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(
        "ftsql: unknown field 'nex_comm' in sched/sched_switch; did you mean 'next_comm'?");
    assertThat(lines.get(1)).isEqualTo("  SELECT nex_comm, COUNT(*) FROM sched_switch GROUP BY nex_comm");
    assertThat(lines.get(2)).isEqualTo("         ^~~~~~~~");
  }

  @Test
  void theCaretPointsIntoTheRightLineOfAMultiLineQuery() {
    Cli r = Cli.run("sql", "--kernel", "6.12", "SELECT next_comm, COUNT(*)\nFROM sched_switch\nWHERE next_comm > 5\nGROUP BY next_comm");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines().toList()).containsExactly(
        "ftsql: 'next_comm' is a string; compare it with a quoted string",
        "  WHERE next_comm > 5",
        "                    ^");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT next_comm FROM sched_switch WHERE next_comm = 'x",
      "SELECT MIN(prev_prio) FROM sched_switch",
      "SELECT a FROM nosuchevent",
      "SELECT",
      "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm ORDER BY 1, 2, next_comm"})
  void badInputNeverShowsAStackTrace(String sql) {
    Cli r = Cli.run("sql", "--kernel", "6.12", sql);
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("ftsql: ").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void ambiguousEventsListTheCandidates(@TempDir Path tmp) throws IOException {
    Path dir = CatalogLoader.writeTracefsCopy("6.12", tmp);
    Path copy = dir.resolve("events/eprobes/sched_switch/format");
    Files.createDirectories(copy.getParent());
    Files.copy(dir.resolve("events/sched/sched_switch/format"), copy);
    Cli r = Cli.run("sql", "-t", dir.toString(), QUERY);
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).startsWith(
        "ftsql: event 'sched_switch' is ambiguous; write one of: eprobes.sched_switch, sched.sched_switch");
    assertThat(Cli.run("sql", "-t", dir.toString(), QUERY.replace("FROM sched_switch", "FROM sched.sched_switch")).exit())
        .isZero();
  }

  @Test
  void aCapturedSnapshotCompilesLikeTheTracefsItCameFrom(@TempDir Path tmp) throws IOException {
    Path dir = CatalogLoader.writeTracefsCopy("6.1", tmp.resolve("tracefs"));
    Path snapshot = tmp.resolve("board.ftcat.gz");
    assertThat(Cli.run("catalog", "capture", "-t", dir.toString(), "-o", snapshot.toString()).exit()).isZero();
    String q = "SELECT STACKTRACE, COUNT(*) FROM sched_switch WHERE prev_state & 1 GROUP BY STACKTRACE";
    String fromFile = Cli.run("sql", "--kernel", snapshot.toString(), q).out();
    assertThat(fromFile).contains("hist:keys=stacktrace if prev_state & 0x1");
    assertThat(Cli.run("sql", "-t", dir.toString(), q).out()).isEqualTo(fromFile);
  }

  @Test
  void unknownKernelIsRefused() {
    Cli r = Cli.run("sql", "--kernel", "5.4", QUERY);
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).startsWith("ftsql: unknown kernel '5.4': use one of [6.1, 6.12]");
  }

  @Test
  void eventsAndDescribeShowTablesAndColumns() {
    Cli events = Cli.run("events", "--kernel", "6.12", "sched_sw*");
    assertThat(events.out().lines()).contains("sched.sched_switch");
    Cli describe = Cli.run("describe", "--kernel", "6.12", "sched_switch");
    assertThat(describe.exit()).isZero();
    assertThat(describe.out()).contains("sched.sched_switch").containsPattern("next_comm +char\\[16\\]");
    assertThat(Cli.run("describe", "--kernel", "6.12", "nosuch").exit()).isEqualTo(3);
  }

  @Test
  void explainMapsTriggerPartsToSql() {
    Cli r = Cli.run("explain", "--kernel", "6.12",
        "SELECT next_comm, COUNT(*) AS n FROM sched_switch WHERE prev_state = 1 GROUP BY next_comm ORDER BY n DESC LIMIT 5");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .containsPattern("key +next_comm +<- next_comm")
        .containsPattern("sort +hitcount.descending +<- n DESC")
        .containsPattern("filter +prev_state == 1 +<- prev_state = 1")
        .contains("LIMIT 5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sql", "explain", "events", "describe", "catalog", "completion"})
  void everyCommandHasHelpWithExamples(String command) {
    Cli r = Cli.run(command, "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: ftsql " + command);
    if (!command.equals("catalog")) {
      assertThat(r.out()).containsIgnoringCase("example");
    }
  }

  @Test
  void completionIsABashScript() {
    Cli r = Cli.run("completion");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("complete -F").contains("explain");
  }

  /** The printed line, run by a real shell: quotes, $(...) and backticks in SQL stay text. */
  @Test
  void printedLinesAreShellSafe(@TempDir Path tmp) throws Exception {
    Path marker = tmp.resolve("pwned");
    String sql = "SELECT prev_comm, COUNT(*) FROM sched_switch WHERE next_comm = 'x''; touch " + marker
        + "; echo ''$(touch " + marker + ")`touch " + marker + "`' GROUP BY prev_comm";
    Cli r = Cli.run("sql", "--kernel", "6.12", sql);
    assertThat(r.exit()).as(r.err()).isZero();
    Path target = tmp.resolve("trigger");
    String line = r.out().strip().replace("/sys/kernel/tracing/events/sched/sched_switch/trigger", target.toString());
    Process sh = new ProcessBuilder("sh", "-c", line).redirectErrorStream(true).start();
    assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sh.exitValue()).isZero();
    assertThat(marker).doesNotExist();
    assertThat(Files.readString(target)).isEqualTo(
        "hist:keys=prev_comm if next_comm == \"x'; touch " + marker + "; echo '$(touch " + marker + ")`touch "
            + marker + "`\"\n");
  }

  /** dash's echo would turn \n into a newline and split the write; such lines use printf. */
  @Test
  void backslashesSurviveDash(@TempDir Path tmp) throws Exception {
    Cli r = Cli.run("sql", "--kernel", "6.12",
        "SELECT prev_comm, COUNT(*) FROM sched_switch WHERE next_comm = 'a\\nb' GROUP BY prev_comm");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("printf '%s\\n' ");
    Path target = tmp.resolve("trigger");
    String line = r.out().strip().replace("/sys/kernel/tracing/events/sched/sched_switch/trigger", target.toString());
    Process sh = new ProcessBuilder("dash", "-c", line).redirectErrorStream(true).start();
    assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(target)).isEqualTo("hist:keys=prev_comm if next_comm == \"a\\nb\"\n");
  }
}
