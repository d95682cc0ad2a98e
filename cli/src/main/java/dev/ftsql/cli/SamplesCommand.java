package dev.ftsql.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ftsql samples}: the built-in recipes (samples/*.sql), listed or printed. */
@Command(
    name = "samples",
    mixinStandardHelpOptions = true,
    description = {
      "List the built-in recipes with what each answers, or print the recipe NAME.",
      "Every command that takes a QUERY also takes a recipe's NAME (or a FILE.sql) in its place."
    },
    footer = {
      "",
      "Examples:",
      "  ftsql samples                              # NAME and one line each",
      "  ftsql samples wakeup-latency               # the recipe: how to read it, what it needs",
      "  ftsql sql --kernel 6.1 wakeup-latency      # its trigger lines",
      "  ftsql run --duration 10s syscall-latency   # run it on this machine (root)",
      "  ftsql export wakeup-latency > wakeup.sh    # a BusyBox script for a board",
      "  ftsql samples offcpu-time > my.sql; ftsql run my.sql   # start your own from one"
    })
final class SamplesCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Print this recipe.")
  String name;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (name != null) {
      out.print(Recipes.named(name).text());
    } else {
      int width = Recipes.all().stream().mapToInt(r -> r.name().length()).max().orElse(0);
      for (Recipe r : Recipes.all()) {
        out.println(r.name() + " ".repeat(width - r.name().length() + 2) + r.summary());
      }
    }
    out.flush();
    return 0;
  }
}
