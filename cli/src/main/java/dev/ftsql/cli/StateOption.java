package dev.ftsql.cli;

import dev.ftsql.tracefs.AppliedPlans;
import dev.ftsql.tracefs.StateDir;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state DIR}: where applied plans are recorded. */
final class StateOption {
  @Option(
      names = "--state",
      paramLabel = "DIR",
      description = "Where applied plans are recorded. Default: $FTSQL_STATE, else /run/ftsql.")
  Path dir;

  StateDir dir() {
    return dir != null ? new StateDir(dir) : StateDir.fromEnvironment();
  }

  AppliedPlans plans() {
    return new AppliedPlans(dir());
  }
}
