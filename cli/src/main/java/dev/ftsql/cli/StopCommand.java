package dev.ftsql.cli;

import dev.ftsql.tracefs.AppliedPlans;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ftsql stop}: take applied plans down, from any process, also after the one that applied
 * them crashed. Stopping a plan that is not applied is not an error: it says so and exits 0.
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the applied plan NAME (or all of them): exactly the lines ftsql wrote, undone in reverse order.",
      "A plan that is not applied (already stopped) is reported and is not an error."
    },
    footer = {"", "Examples:", "  ftsql stop wakeup", "  ftsql stop --all"})
final class StopCommand implements Callable<Integer> {
  @ArgGroup(multiplicity = "1")
  Which which;

  static final class Which {
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The plans' names (see 'ftsql list').")
    List<String> names;

    @Option(names = "--all", required = true, description = "Every applied plan.")
    boolean all;
  }

  @Mixin StateOption state;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    AppliedPlans plans = state.plans();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<AppliedPlans.Stopped> stopped = new ArrayList<>();
    if (which.all) {
      stopped.addAll(plans.stopAll());
      if (stopped.isEmpty()) {
        err.println("ftsql: no plan is applied; nothing to stop");
      }
    } else {
      for (String n : which.names) {
        stopped.add(plans.stop(n));
      }
    }
    int status = 0;
    for (AppliedPlans.Stopped s : stopped) {
      if (!s.found()) {
        err.println("ftsql: " + s.name() + " is not running; nothing to stop");
      } else if (s.clean()) {
        out.println("stopped " + s.name());
      } else {
        err.println("ftsql: could not remove all of " + s.name() + ":");
        s.failures().forEach(f -> err.println("  " + f));
        err.println("ftsql: " + s.name() + " stays recorded; fix the cause and run 'ftsql stop " + s.name() + "' again");
        status = Main.EXIT_IO;
      }
    }
    out.flush();
    err.flush();
    return status;
  }
}
