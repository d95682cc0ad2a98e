package dev.ftsql.cli;

import dev.ftsql.export.BusyBoxScript;
import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.SqlError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ftsql export}: the plan as a script for a board that has nothing but BusyBox. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write QUERY's plan as a POSIX sh script that runs under BusyBox: 'sh NAME.sh up' applies"
          + " it,",
      "'down' removes it (safe to repeat), 'show' prints the histogram, 'status' says whether it is"
          + " up."
    },
    footer = {
      "",
      "Examples:",
      "  ftsql export -n wakeup --kernel board.ftcat.gz -f wakeup.sql > wakeup.sh",
      "  scp wakeup.sh board: && ssh board 'sh wakeup.sh up; sleep 10; sh wakeup.sh show; sh"
          + " wakeup.sh down'",
      "  ftsql catalog script    # the snippet that makes board.ftcat on the board",
      "  ftsql export --kernel 6.1 irq-duration > irq.sh   # a built-in recipe (see 'ftsql samples')"
    })
final class ExportCommand implements Callable<Integer>, QueryCommand {
  @Mixin QueryInput input;
  @Mixin CatalogOptions catalog;
  @Mixin PlanChoices choices;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "sh",
      description = "The kind of script: sh (POSIX sh for BusyBox ash; the default and only one).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the script to FILE (UTF-8) instead of standard output.")
  Path output;

  @Spec CommandSpec spec;

  private String sql;

  @Override
  public Integer call() {
    if (!format.equals("sh")) {
      throw new SqlError("unknown --format '" + format + "': the one format is sh");
    }
    sql = input.read(System.in);
    Compiler compiler = new Compiler(catalog.load(spec.commandLine().getErr()));
    TracePlan plan = compiler.compile(sql, choices.toOptions(sql));
    String script = BusyBoxScript.render(plan, sql, compiler.profile().description());
    if (output != null) {
      try {
        Files.writeString(output, script, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return 0;
    }
    Charset stdout = stdoutCharset();
    if (!stdout.newEncoder().canEncode(script)) {
      throw new SqlError(
          "the script holds text that standard output's encoding ("
              + stdout
              + ") cannot carry: write it with -o FILE, or use a UTF-8 locale");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(script);
    out.flush();
    return 0;
  }

  @Override
  public String sqlText() {
    return sql;
  }

  /** What picocli encodes standard output with. */
  private static Charset stdoutCharset() {
    String name = System.getProperty("sun.stdout.encoding");
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }
}
