package dev.ftsql.sql.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The format-file texts of a catalog's events, by {@code system/event}. A snapshot has them all in
 * memory; a tracefs is listed when loaded and each file read on first lookup, because a kernel has
 * a couple of thousand events, reading them all cost a cold start more than everything else, and a
 * query names a few.
 */
interface FormatTexts {
  /** Every {@code system/event}, sorted. */
  List<String> paths();

  /** The format text of {@code path}, or null when there is none or it cannot be read. */
  String text(String path);

  static FormatTexts inMemory(SortedMap<String, String> texts) {
    List<String> paths = List.copyOf(texts.keySet());
    return new FormatTexts() {
      @Override
      public List<String> paths() {
        return paths;
      }

      @Override
      public String text(String path) {
        return texts.get(path);
      }
    };
  }

  /** The format files under a tracefs {@code events} directory, listed in {@code files}. */
  static FormatTexts tracefs(Path events, Map<String, Path> files) {
    List<String> paths = List.copyOf(files.keySet());
    return new FormatTexts() {
      @Override
      public List<String> paths() {
        return paths;
      }

      @Override
      public String text(String path) {
        Path file = files.get(path);
        if (file == null) {
          return null;
        }
        try {
          return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
          return null; // e.g. a synthetic event removed since the listing
        }
      }

      @Override
      public String toString() {
        return events.toString();
      }
    };
  }
}
