package dev.ftsql.cli;

import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.tracefs.Ftsql;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ftsql start}: apply QUERY and leave it running, recorded under its name. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Apply QUERY to the live tracefs and leave it there. Prints the plan's name;",
      "read it with 'ftsql show NAME', remove it with 'ftsql stop NAME'."
    },
    footer = {
      "",
      "Examples:",
      "  ftsql start -n wakeup -f wakeup.sql",
      "  ftsql start -n offcpu offcpu-time       # a built-in recipe (see 'ftsql samples')",
      "  ftsql show wakeup --bars",
      "  ftsql stop wakeup"
    })
final class StartCommand implements Callable<Integer>, QueryCommand {
  @Mixin QueryInput input;
  @Mixin PlanChoices choices;
  @Mixin LiveOptions live;
  @Spec CommandSpec spec;
  private String sql;

  @Override
  public Integer call() {
    sql = input.read(System.in);
    String name = start(sql, choices.toOptions(sql), live, "start");
    PrintWriter out = spec.commandLine().getOut();
    out.println(name);
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.println("ftsql: started " + name + "; read it with 'ftsql show " + name + "', remove it with 'ftsql stop "
        + name + "'");
    err.flush();
    return 0;
  }

  /** Compiles for the target tracefs, applies and records; the plan stays after this process. */
  static String start(String sql, PlanOptions options, LiveOptions live, String owner) {
    Ftsql ftsql = live.open(owner, true);
    TracePlan plan = ftsql.compile(sql, options);
    ftsql.apply(plan, Optional.of(sql), options);
    return plan.name();
  }

  @Override
  public String sqlText() {
    return sql;
  }
}
