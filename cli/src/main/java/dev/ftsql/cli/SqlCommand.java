package dev.ftsql.cli;

import dev.ftsql.export.EchoLines;
import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.TracePlan;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ftsql sql}: print the commands that set the histogram up (or tear it down). */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Print the shell commands that create the histograms for QUERY.",
    footer = {
      "",
      "Examples:",
      "  ftsql sql \"SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm\"",
      "  ftsql sql --kernel 6.1 \"SELECT CAST(call_site AS SYM), SUM(bytes_alloc) FROM kmalloc GROUP BY call_site\"",
      "  ftsql sql --teardown -f query.sql        # the lines that remove it again",
      "  ftsql sql --kernel 6.1 wakeup-latency    # a built-in recipe by name (see 'ftsql samples')",
      "  ftsql sql -B mytrace -f - < query.sql    # in tracing instance 'mytrace'",
      "  ftsql sql -e -n wakeup -f wakeup.sql      # apply it now, like 'ftsql start' (sqlhist -e)"
    })
final class SqlCommand implements Callable<Integer>, QueryCommand {
  @Mixin QueryInput input;
  @Mixin CatalogOptions catalog;
  @Mixin PlanChoices choices;

  @Option(names = "--teardown", description = "Print the lines that undo the plan, in reverse order.")
  boolean teardown;

  @Option(
      names = {"-e", "--execute"},
      description = "Apply the plan to the live tracefs (or --tracefs DIR) instead of printing it, and record it "
          + "like 'ftsql start': remove it with 'ftsql stop NAME' (sqlhist -e).")
  boolean execute;

  @Mixin StateOption state;

  @Spec CommandSpec spec;

  private String sql;

  @Override
  public Integer call() {
    sql = input.read(System.in);
    if (execute) {
      return execute();
    }
    TracePlan plan = new Compiler(catalog.load(spec.commandLine().getErr())).compile(sql, choices.toOptions(sql));
    PrintWriter out = spec.commandLine().getOut();
    for (String line : teardown ? EchoLines.teardown(plan, EchoLines.DEFAULT_MOUNT)
        : EchoLines.setup(plan, EchoLines.DEFAULT_MOUNT)) {
      out.println(line);
    }
    out.flush();
    return 0;
  }

  private int execute() {
    if (teardown) {
      throw new ParameterException(spec.commandLine(), "-e applies the plan; to remove it use 'ftsql stop NAME'");
    }
    if (catalog.kernel != null) {
      throw new ParameterException(spec.commandLine(),
          "-e applies to the live tracefs and compiles for its kernel: --kernel does not go with it");
    }
    LiveOptions live = new LiveOptions();
    live.tracefs = catalog.tracefs;
    live.state = state;
    String name = StartCommand.start(sql, choices.toOptions(sql), live, "sql -e");
    PrintWriter out = spec.commandLine().getOut();
    out.println(name);
    out.flush();
    spec.commandLine().getErr().println("ftsql: applied " + name + "; remove it with 'ftsql stop " + name + "'");
    spec.commandLine().getErr().flush();
    return 0;
  }

  @Override
  public String sqlText() {
    return sql;
  }
}
