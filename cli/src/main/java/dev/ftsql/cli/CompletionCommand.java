package dev.ftsql.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ftsql completion}: picocli's bash completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a bash completion script for ftsql.",
    footer = {"", "Example:", "  source <(ftsql completion)"})
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("ftsql", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
