package dev.ftsql.sql.bench;

import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;

/**
 * The cold cost of the embedded 6.12 catalog: {@code CatalogLoader.embedded("6.12")} plus one
 * lookup, timed once in a fresh JVM. Run it several times, each in its own JVM, as a cold {@code
 * ftsql sql} runs (not a JUnit test):
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
 *     -cp sql/target/classes:sql/target/test-classes dev.ftsql.sql.bench.ColdCatalogLoad
 * </pre>
 */
public final class ColdCatalogLoad {
  private ColdCatalogLoad() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    EventCatalog catalog = CatalogLoader.embedded("6.12");
    long loaded = System.nanoTime();
    int fields = catalog.event("sched", "sched_switch").orElseThrow().fields().size();
    long end = System.nanoTime();
    System.out.printf(
        "load %.2f ms, lookup %.2f ms, total %.2f ms (%d events, %d fields)%n",
        (loaded - start) / 1e6,
        (end - loaded) / 1e6,
        (end - start) / 1e6,
        catalog.eventPaths().size(),
        fields);
  }
}
