package dev.ftsql.sql.bench;

import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import dev.ftsql.sql.catalog.EventFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm catalog load of the embedded 6.12 snapshot (1,552 event formats, 108 KB gzip, 1.3 MB text with its index).
 * {@code CatalogLoader.embedded} caches its result, so this measures {@code
 * CatalogLoader.fromSnapshot(InputStream)} over the snapshot's bytes held in memory. Goal: at most
 * 50 ms ({@code fromSnapshotGzip}). The snapshot is read through its index (formats decoded on
 * lookup); the cold cost, which matters more, is {@link ColdCatalogLoad}'s.
 *
 * <p>Run with {@code tools/bench/jmh.sh sql} (not a JUnit test).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class CatalogLoadBenchmark {
  static final String SNAPSHOT = "/dev/ftsql/sql/kernels/6.12.ftcat.gz";

  private byte[] gzip;
  private byte[] plain;
  private Path tracefsCopy;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    try (InputStream in = CatalogLoader.class.getResourceAsStream(SNAPSHOT)) {
      gzip = in.readAllBytes();
    }
    plain = new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes();
    tracefsCopy = Files.createTempDirectory("ftsql-bench-tracefs");
    CatalogLoader.writeTracefsCopy("6.12", tracefsCopy);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> paths = Files.walk(tracefsCopy)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The goal's number: gunzip + split into files (formats are parsed lazily, on lookup). */
  @Benchmark
  public EventCatalog fromSnapshotGzip() {
    return CatalogLoader.fromSnapshot(new ByteArrayInputStream(gzip), "bench 6.12");
  }

  /** The same without gzip: what the split alone costs. */
  @Benchmark
  public EventCatalog fromSnapshotPlain() {
    return CatalogLoader.fromSnapshot(new ByteArrayInputStream(plain), "bench 6.12");
  }

  /** Load, then resolve one event as a query's FROM does (parses kmem/kmalloc's format). */
  @Benchmark
  public List<EventFormat> fromSnapshotGzipThenLookup() {
    return CatalogLoader.fromSnapshot(new ByteArrayInputStream(gzip), "bench 6.12")
        .eventsNamed("kmalloc");
  }

  /** Load and parse every format: what an eager catalog would cost (it is lazy). */
  @Benchmark
  public int fromSnapshotGzipParseAll() {
    EventCatalog catalog =
        CatalogLoader.fromSnapshot(new ByteArrayInputStream(gzip), "bench 6.12");
    int fields = 0;
    for (String path : catalog.eventPaths()) {
      int slash = path.indexOf('/');
      fields +=
          catalog
              .event(path.substring(0, slash), path.substring(slash + 1))
              .map(e -> e.fields().size())
              .orElse(0);
    }
    return fields;
  }

  /** {@code --tracefs DIR}: read README, trace_clock and 1,552 format files (page cache warm). */
  @Benchmark
  public EventCatalog fromTracefsCopy() {
    return CatalogLoader.fromTracefs(tracefsCopy);
  }
}
