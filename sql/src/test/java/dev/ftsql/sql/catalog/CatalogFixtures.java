package dev.ftsql.sql.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
