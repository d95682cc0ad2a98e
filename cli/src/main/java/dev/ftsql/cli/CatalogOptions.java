package dev.ftsql.cli;

import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import dev.ftsql.sql.catalog.ReadmeFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which kernel's events to compile against: {@code --tracefs DIR}, {@code --kernel 6.1|6.12|FILE},
 * else the live tracefs when it is readable, else the newest embedded snapshot.
 */
final class CatalogOptions {
  static final Path LIVE = Path.of("/sys/kernel/tracing");

  @Option(
      names = {"-t", "--tracefs"},
      paramLabel = "DIR",
      description = "A tracefs mount or a copy of one (like sqlhist -t).")
  Path tracefs;

  @Option(
      names = "--kernel",
      paramLabel = "K",
      description = "An embedded kernel snapshot (${COMPLETION-CANDIDATES}), or a snapshot FILE from "
          + "'ftsql catalog capture'. Default: the live tracefs if readable, else the newest snapshot.",
      completionCandidates = EmbeddedKernels.class)
  String kernel;

  private String note;

  /** Loads the chosen catalog; a note on {@code err} when the default skipped the live tracefs. */
  EventCatalog load(java.io.PrintWriter err) {
    EventCatalog c = load();
    if (note != null) {
      err.println(note);
      err.flush();
    }
    return c;
  }

  EventCatalog load() {
    if (tracefs != null && kernel != null) {
      throw new SqlError("--tracefs and --kernel both choose the events; give one");
    }
    if (tracefs != null) {
      if (!Files.isDirectory(tracefs.resolve("events"))) {
        throw new SqlError("not a tracefs: " + tracefs + " has no events/ directory");
      }
      return CatalogLoader.fromTracefs(tracefs);
    }
    if (kernel != null) {
      if (CatalogLoader.embeddedKernels().contains(kernel)) {
        return CatalogLoader.embedded(kernel);
      }
      Path file = Path.of(kernel);
      if (Files.isRegularFile(file)) {
        return CatalogLoader.fromSnapshot(file);
      }
      throw new SqlError("unknown kernel '" + kernel + "': use one of " + CatalogLoader.embeddedKernels()
          + " or a snapshot file from 'ftsql catalog capture'");
    }
    if (liveReadable()) {
      EventCatalog live = CatalogLoader.fromTracefs(LIVE);
      if (ReadmeFeatures.of(live).hasHistTriggers()) {
        return live;
      }
      note = "ftsql: note: " + LIVE + " has no hist triggers (CONFIG_HIST_TRIGGERS); compiling for embedded "
          + CatalogLoader.defaultKernel() + " (choose with --kernel or --tracefs)";
    }
    return CatalogLoader.embedded(CatalogLoader.defaultKernel());
  }

  /** The live mount counts only if its event formats can be read (they are root-only by default). */
  private static boolean liveReadable() {
    Path probe = LIVE.resolve("events/sched/sched_switch/format");
    return Files.isReadable(probe) && Files.isReadable(LIVE.resolve("README"));
  }

  static final class EmbeddedKernels implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return CatalogLoader.embeddedKernels().iterator();
    }
  }
}
