package dev.ftsql.cli;

import dev.ftsql.tracefs.AppliedPlans;
import dev.ftsql.tracefs.Ftsql;
import dev.ftsql.tracefs.PlanApplier;
import dev.ftsql.tracefs.StateDir;
import dev.ftsql.tracefs.TracefsLocator;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where plans are applied and recorded: {@code --tracefs DIR}, else the live tracefs
 * ({@code /sys/kernel/tracing}, else the tracefs in /proc/mounts); {@code --state DIR}, else
 * {@code $FTSQL_STATE}, else {@code /run/ftsql}. The query is compiled for the kernel of that tracefs.
 */
final class LiveOptions {
  @Option(
      names = {"-t", "--tracefs"},
      paramLabel = "DIR",
      description = "The tracefs to apply to. Default: /sys/kernel/tracing, else the tracefs in /proc/mounts.")
  Path tracefs;

  @Mixin StateOption state;

  Ftsql open(String owner, boolean detached) {
    return Ftsql.open(TracefsLocator.locate(Optional.ofNullable(tracefs)))
        .withStateDir(state.dir().dir())
        .withOwner(PlanApplier.Owner.thisProcess(owner, detached));
  }

  StateDir stateDir() {
    return state.dir();
  }

  AppliedPlans plans() {
    return new AppliedPlans(state.dir());
  }
}
