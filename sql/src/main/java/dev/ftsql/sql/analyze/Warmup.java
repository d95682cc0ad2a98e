package dev.ftsql.sql.analyze;

import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Initialises Calcite's parser and validator on a second thread while the command line does its own
 * start-up (picocli's model, loading the catalog). A cold {@code ftsql sql} spends more than a third
 * of its time in Calcite's class initialisers, which no class-data archive skips; on two cores that
 * time now overlaps the rest (docs/performance.md).
 *
 * <p>Safe by construction: the warm-up compiles a query against a made-up one-event catalog, so it
 * has no effect but loaded classes, and {@link StatementParser#parse} waits for it to finish before
 * any other thread touches Calcite, so Calcite's class initialisers never run on two threads at once.
 */
public final class Warmup {
  private static final String CATALOG =
      """
      #ftsql-catalog v1
      #kernel
      #ftsql-file events/ftsql/warmup/format
      name: warmup
      ID: 1
      format:
      \tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
      \tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;

      \tfield:char comm[16];\toffset:8;\tsize:16;\tsigned:0;
      \tfield:unsigned long bytes;\toffset:24;\tsize:8;\tsigned:0;

      print fmt: "comm=%s", REC->comm
      """;

  private static final String QUERY =
      "SELECT comm, log2(bytes) AS b, COUNT(*), SUM(bytes) FROM warmup"
          + " WHERE bytes > 10 AND comm LIKE 'k%' GROUP BY comm, log2(bytes) ORDER BY COUNT(*) DESC";

  private static Thread thread;

  private Warmup() {}

  /** Starts the warm-up once per JVM; later calls do nothing. */
  public static synchronized void start() {
    if (thread == null) {
      thread = new Thread(Warmup::run, "ftsql-calcite-warmup");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Returns when no warm-up is running on another thread. */
  static void awaitDone() {
    Thread running;
    synchronized (Warmup.class) {
      running = thread;
    }
    if (running == null || running == Thread.currentThread()) {
      return;
    }
    boolean interrupted = false;
    while (running.isAlive()) {
      try {
        running.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run() {
    try {
      EventCatalog catalog =
          CatalogLoader.fromSnapshot(
              new ByteArrayInputStream(CATALOG.getBytes(StandardCharsets.UTF_8)), "warm-up");
      new Analyzer(catalog).analyze(QUERY);
    } catch (RuntimeException ignored) {
      // Only speed is at stake: the real compile reports whatever is wrong.
    }
  }
}
