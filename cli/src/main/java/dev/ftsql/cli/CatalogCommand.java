package dev.ftsql.cli;

import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ftsql catalog}: snapshots of a kernel's events, to compile for a board elsewhere. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Work with event catalog snapshots.",
    subcommands = {CatalogCommand.Capture.class})
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
}
