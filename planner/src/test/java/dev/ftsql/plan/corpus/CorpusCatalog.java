package dev.ftsql.plan.corpus;

import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The embedded 6.12 catalog plus the corpus events it lacks. The corpus was run on 6.18 formats,
 * and its D12/D13 use {@code regmap/regcache_drop_region} and U5 {@code preemptirq/irq_disable}
 * and {@code irq_enable}, which the 6.12 cloud kernel does not build; their formats are
 * hand-written from the kernel's TRACE_EVENTs ({@code regcache_drop_region}: a string {@code name},
 * unsigned int {@code from} and {@code to}; {@code preemptirq_template}: s32 {@code caller_offs}
 * and {@code parent_offs}).
 */
final class CorpusCatalog {
  private static final String EMBEDDED_612 = "/dev/ftsql/sql/kernels/6.12.ftcat.gz";

  /** Event path to the resource holding its hand-written format. */
  static final Map<String, String> ADDED_EVENTS =
      Map.of(
          "events/regmap/regcache_drop_region/format",
          "/dev/ftsql/plan/corpus/regmap-regcache_drop_region.format",
          "events/preemptirq/irq_disable/format",
          "/dev/ftsql/plan/corpus/preemptirq-irq_disable.format",
          "events/preemptirq/irq_enable/format",
          "/dev/ftsql/plan/corpus/preemptirq-irq_enable.format");

  private CorpusCatalog() {}

  static EventCatalog kernel612WithCorpusEvents() {
    StringBuilder snapshot = new StringBuilder(gunzip(read(EMBEDDED_612)));
    if (snapshot.charAt(snapshot.length() - 1) != '\n') {
      snapshot.append('\n');
    }
    ADDED_EVENTS.forEach(
        (path, resource) ->
            snapshot
                .append("#ftsql-file ")
                .append(path)
                .append('\n')
                .append(new String(read(resource), StandardCharsets.UTF_8))
                .append('\n'));
    return CatalogLoader.fromSnapshot(
        new ByteArrayInputStream(snapshot.toString().getBytes(StandardCharsets.UTF_8)),
        "embedded 6.12 + sqlhist corpus events");
  }

  private static byte[] read(String resource) {
    try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String gunzip(byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
