package dev.ftsql.sql.analyze;

import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

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

  /**
   * What every histogram compile needs: a filter, a key, an aggregate. Kept small because the warm-up
   * is the longest path of a cold start, and whatever it warms that the statement does not use is
   * time lost; what the statement needs beyond it is warmed when the statement is compiled.
   */
  private static final String QUERY =
      "SELECT comm, COUNT(*) FROM warmup WHERE bytes > 10 GROUP BY comm ORDER BY COUNT(*)";

  /**
   * With DESC: Calcite's validator checks ORDER BY ... DESC against its conformance by creating an
   * error-message resource, whose first use builds a proxy of ~700 methods (~40 ms cold).
   */
  private static final String QUERY_DESCENDING = QUERY + " DESC";

  private static final Pattern DESC = Pattern.compile("(?i)\\bdesc\\b");

  private static Thread thread;

  private Warmup() {}

  /** Starts the warm-up once per JVM; later calls do nothing. */
  public static void start() {
    start(QUERY);
  }

  /**
   * Starts the warm-up for a command line whose arguments hold the statement (or name a file with
   * it): a statement with DESC in it gets DESC warmed too. Only speed depends on the guess.
   */
  public static void startFor(String... args) {
    for (String arg : args) {
      if (DESC.matcher(arg).find()) {
        start(QUERY_DESCENDING);
        return;
      }
    }
    start(QUERY);
  }

  private static synchronized void start(String query) {
    if (thread == null) {
      // A Thread subclass, not a lambda: the first lambda of a JVM bootstraps invokedynamic (~10 ms
      // on the main thread, before the warm-up could start).
      thread = new WarmupThread(query);
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

  private static final class WarmupThread extends Thread {
    private final String query;

    WarmupThread(String query) {
      super("ftsql-calcite-warmup");
      this.query = query;
    }

    @Override
    public void run() {
      warmUp(query);
    }
  }

  private static void warmUp(String query) {
    try {
      EventCatalog catalog =
          CatalogLoader.fromSnapshot(
              new ByteArrayInputStream(CATALOG.getBytes(StandardCharsets.UTF_8)), "warm-up");
      new Analyzer(catalog).analyze(query);
    } catch (RuntimeException ignored) {
      // Only speed is at stake: the real compile reports whatever is wrong.
    }
  }
}
