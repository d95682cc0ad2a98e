package dev.ftsql.sql.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/** Paths and texts of the test resources under {@code dev/ftsql/sql/catalog/} (see FIXTURES.md). */
final class CatalogFixtures {
  static final String ROOT = "/dev/ftsql/sql/catalog/";
  static final String KERNELS = ROOT + "kernels/";

  private CatalogFixtures() {}

  /** The copy of a real 6.18 tracefs. */
  static Path tracefs() {
    return resource("tracefs");
  }

  static Path resource(String name) {
    URL url = CatalogFixtures.class.getResource(ROOT + name);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + ROOT + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The verbatim text of {@code events/<eventPath>/format} in the tracefs copy. */
  static String format(String eventPath) {
    return text(tracefs().resolve("events/" + eventPath + "/format"));
  }

  static EventFormat parsed(String eventPath) {
    String[] parts = eventPath.split("/");
    return FormatParser.parse(parts[0], parts[1], format(eventPath));
  }

  /**
   * Files whose snapshot is hard to get right: contents with and without a final newline, empty,
   * blank lines at the end, lines that look like header lines, non-ASCII text and paths.
   */
  static TracefsFiles snapshotSample() {
    TreeMap<String, String> formats = new TreeMap<>();
    formats.put("a/ends_with_newline", "name: x\n");
    formats.put("a/no_final_newline", "name: y");
    formats.put("a/empty", "");
    formats.put("b/blank_lines_at_end", "name: z\n\n\n");
    formats.put("b/hash_lines", "#kernel not a header\n# ftsql-file not a directive\n");
    formats.put("b/non_ascii", "name: caf\u00e9 \u2013 \u65e5\u672c \uD83D\uDE00\n");
    formats.put("n\u00e9t/\u00e9v\u00e9nement", "print fmt: \"\u00e9\"");
    return new TracefsFiles(
        "6.12.38+deb13-cloud-amd64", "README \u00e9\n\twith tabs\n", "[local] global\n", formats);
  }
}
