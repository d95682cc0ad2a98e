package dev.ftsql.cli;

import dev.ftsql.tracefs.AppliedPlans;
import dev.ftsql.tracefs.Ftsql;
import dev.ftsql.tracefs.PlanRecord;
import dev.ftsql.tracefs.TracefsException;
import dev.ftsql.tracefs.TracefsSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ftsql show}: the result of a plan that {@code start} (or a running {@code run}) applied. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Print the current result of the applied plan NAME.",
    footer = {"", "Examples:", "  ftsql show wakeup", "  ftsql show wakeup --format json", "  ftsql show wakeup --raw"})
final class ShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "The plan's name (see 'ftsql list').")
  String name;

  @Mixin StateOption state;
  @Mixin ResultOptions result;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    result.validate(spec.commandLine());
    AppliedPlans plans = state.plans();
    PlanRecord r = plans.find(name).orElseThrow(() -> new TracefsException("no plan named " + name
        + " is applied (see 'ftsql list')"));
    TracefsSession session = Ftsql.open(plans.tracefsOf(r)).withStateDir(state.dir().dir()).attach(name)
        .orElseThrow(() -> new TracefsException("plan " + name + " was stopped meanwhile"));
    if (r.sql().isEmpty() && !result.raw) {
      spec.commandLine().getErr().println("ftsql: plan " + name + " was applied without its SQL: the raw hist file follows");
      result.raw = true;
    }
    result.print(session, spec.commandLine().getOut(), spec.commandLine().getErr());
    return 0;
  }
}
