package dev.ftsql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.export.BusyBoxScript;
import dev.ftsql.export.CatalogSnippet;
import dev.ftsql.export.EchoLines;
import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ftsql export} and {@code ftsql catalog script}, in-process. */
class ExportCommandTest {
  private static final String QUERY =
      "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm";

  @Test
  void printsTheScriptOfThePlanThatSqlPrints() {
    Cli r = Cli.run("export", "--format", "sh", "--kernel", "6.12", "-n", "sw", "-B", "lat", QUERY);
    assertThat(r.exit()).as(r.err()).isZero();
    Compiler compiler = new Compiler(CatalogLoader.embedded("6.12"));
    TracePlan plan =
        compiler.compile(QUERY, PlanOptions.defaults().withName("sw").withInstance("lat"));
    assertThat(r.out())
        .isEqualTo(BusyBoxScript.render(plan, QUERY, compiler.profile().description()));
    assertThat(r.out())
        .startsWith("#!/bin/sh\n# sw.sh: ")
        .contains("#   " + QUERY + "\n")
        .contains("# Compiled for: embedded 6.12 (")
        .contains("INSTANCE='lat'\n");
    // The lines of `ftsql sql` with the same options are the script's writes.
    List<String> echoes =
        Cli.run("sql", "--kernel", "6.12", "-n", "sw", "-B", "lat", QUERY).out().lines().toList();
    List<EchoLines.Write> writes = EchoLines.setupWrites(plan);
    assertThat(echoes).hasSameSizeAs(writes);
    for (int i = 0; i < writes.size(); i++) {
      assertThat(echoes.get(i))
          .isEqualTo(
              EchoLines.echo(
                  writes.get(i).line(), EchoLines.DEFAULT_MOUNT + "/" + writes.get(i).file()));
      assertThat(r.out())
          .contains(
              "    step "
                  + (i + 1)
                  + " '"
                  + writes.get(i).file()
                  + "' '"
                  + writes.get(i).line()
                  + "'\n");
    }
  }

  @Test
  void shIsTheDefaultFormat() {
    assertThat(Cli.run("export", "--kernel", "6.1", QUERY).out())
        .isEqualTo(Cli.run("export", "--format", "sh", "--kernel", "6.1", QUERY).out());
  }

  @Test
  void readsTheQueryFromAFileOrStdin(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("q.sql");
    Files.writeString(f, "-- switches per task\n" + QUERY + ";\n");
    Cli fromFile = Cli.run("export", "--kernel", "6.12", "-f", f.toString());
    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
    assertThat(fromFile.out())
        .contains("# Query:\n#   -- switches per task\n#   " + QUERY + ";\n#\n");
    Cli fromStdin = Cli.runWithStdin(QUERY, "export", "--kernel", "6.12", "-f", "-");
    assertThat(fromStdin.out())
        .contains("step 1 'events/sched/sched_switch/trigger' 'hist:keys=next_comm'");
  }

  @Test
  void writesUtf8ToAFile(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("cafe.sh");
    String sql =
        "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_comm = 'café' GROUP BY next_comm";
    Cli r = Cli.run("export", "--kernel", "6.12", "-o", out.toString(), sql);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("next_comm == \"café\"'\n");
  }

  @Test
  void aBadQueryGetsTheCaretAndExitThree() {
    Cli r =
        Cli.run(
            "export",
            "--kernel",
            "6.12",
            "SELECT nosuch, COUNT(*) FROM sched_switch GROUP BY nosuch");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("ftsql: ").contains("SELECT nosuch").contains("^");
  }

  @Test
  void anUnknownFormatIsRefused() {
    Cli r = Cli.run("export", "--format", "bootconfig", "--kernel", "6.12", QUERY);
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("unknown --format 'bootconfig'");
  }

  @Test
  void catalogScriptPrintsTheSnippet() {
    Cli r = Cli.run("catalog", "script");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(CatalogSnippet.text())
        .startsWith("#!/bin/sh\n# ftsql event catalog snapshot");
  }

  @Test
  void exportIsListedInHelp() {
    assertThat(Cli.run("--help").out()).contains("export");
    assertThat(Cli.run("export", "--help").out()).contains("--format").contains("-B, --instance");
  }
}
