package dev.ftsql.sql.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Rewrites a catalog snapshot with the current writer, so that it gets an {@code #ftsql-index}
 * (see {@link CatalogSnapshot}); the header and every file in it stay byte for byte the same. Writes the plain
 * text; compress it with {@code gzip -9n} (no name, no time stamp: the same catalog gives the same
 * bytes). For a snapshot captured without an index, e.g. by {@code tools/qemu/capture-catalog.sh}:
 *
 * <pre>
 * mvn -q -o -B -pl sql -am install -DskipTests
 * java -cp sql/target/classes:sql/target/test-classes dev.ftsql.sql.catalog.ReindexSnapshot \
 *     sql/src/main/resources/dev/ftsql/sql/kernels/6.12.ftcat.gz /tmp/6.12.ftcat
 * gzip -9n -c /tmp/6.12.ftcat &gt; sql/src/main/resources/dev/ftsql/sql/kernels/6.12.ftcat.gz
 * </pre>
 *
 * <p>Not a test; {@code CatalogSnapshotIndexTest} checks that the embedded snapshots are indexed.
 */
public final class ReindexSnapshot {
  private ReindexSnapshot() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ReindexSnapshot IN.ftcat[.gz] OUT.ftcat");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    byte[] bytes;
    try (InputStream raw = Files.newInputStream(in)) {
      bytes = raw.readAllBytes();
    }
    if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (InputStream gzip = new GZIPInputStream(Files.newInputStream(in))) {
        bytes = gzip.readAllBytes();
      }
    }
    Files.write(Path.of(args[1]), CatalogSnapshot.reindex(bytes, in.toString()));
  }
}
