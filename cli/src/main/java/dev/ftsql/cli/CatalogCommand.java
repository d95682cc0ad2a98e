package dev.ftsql.cli;

import dev.ftsql.export.CatalogSnippet;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ftsql catalog}: snapshots of a kernel's events, to compile for a board elsewhere. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Work with event catalog snapshots.",
    subcommands = {CatalogCommand.Capture.class, CatalogCommand.Script.class})
final class CatalogCommand {

  @Command(
      name = "capture",
      mixinStandardHelpOptions = true,
      description = "Write a snapshot of a tracefs's event formats and README to FILE, for --kernel FILE.",
      footer = {"", "Example:", "  ftsql catalog capture --tracefs /sys/kernel/tracing -o board.ftcat.gz",
          "  ftsql sql --kernel board.ftcat.gz \"SELECT ...\""})
  static final class Capture implements Callable<Integer> {
    @Option(names = {"-t", "--tracefs"}, paramLabel = "DIR", defaultValue = "/sys/kernel/tracing",
        description = "The tracefs to capture (default: ${DEFAULT-VALUE}).")
    Path tracefs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The snapshot file to write.")
    Path output;

    @Override
    public Integer call() {
      try (OutputStream out = Files.newOutputStream(output)) {
        CatalogLoader.writeSnapshot(tracefs, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return 0;
    }
  }

  @Command(
      name = "script",
      mixinStandardHelpOptions = true,
      description = {
        "Print a BusyBox shell snippet that packs a board's event formats and README into one",
        "snapshot file, for --kernel FILE. It needs only sh, awk, sort and uname on the board."
      },
      footer = {"", "Example:", "  ftsql catalog script > catalog.sh",
          "  scp catalog.sh board: && ssh board 'sh catalog.sh' > board.ftcat",
          "  ftsql export --kernel board.ftcat -f query.sql > query.sh"})
  static final class Script implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.print(CatalogSnippet.text());
      out.flush();
      return 0;
    }
  }
}
