package dev.ftsql.cli;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.TracePlan;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ftsql explain}: the plan, with each trigger part traced back to the SQL. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Show which part of QUERY became which part of which trigger.",
    footer = {
      "",
      "Examples:",
      "  ftsql explain \"SELECT comm, SUM(bytes_alloc) AS bytes FROM kmalloc GROUP BY comm ORDER BY bytes DESC LIMIT 10\"",
      "  ftsql explain timer-wakeup-switch    # a built-in recipe (see 'ftsql samples')"
    })
final class ExplainCommand implements Callable<Integer>, QueryCommand {
  @Mixin QueryInput input;
  @Mixin CatalogOptions catalog;
  @Mixin PlanChoices choices;
  @Spec CommandSpec spec;
  private String sql;

  @Override
  public Integer call() {
    sql = input.read(System.in);
    Compiler compiler = new Compiler(catalog.load(spec.commandLine().getErr()));
    TracePlan plan = compiler.compile(sql, choices.toOptions(sql));
    PrintWriter out = spec.commandLine().getOut();
    PlanExplanation.render(plan, sql, compiler.profile()).forEach(out::println);
    out.flush();
    return 0;
  }

  @Override
  public String sqlText() {
    return sql;
  }
}
