package dev.ftsql.sql.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Function;

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
    return new Listed(List.copyOf(texts.keySet()), texts::get, "in memory");
  }

  /** The format files under a tracefs {@code events} directory, by {@code system/event} (sorted). */
  static FormatTexts tracefs(Path events, List<String> paths) {
    List<String> listed = List.copyOf(paths);
    return new Listed(
        listed,
        path ->
            Collections.binarySearch(listed, path) >= 0
                ? read(events.resolve(path).resolve(TracefsFiles.FORMAT))
                : null,
        events.toString());
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null; // e.g. a synthetic event removed since the listing
    }
  }

  /** Texts known by path, each got from {@code text} when asked for. */
  record Listed(List<String> paths, Function<String, String> reader, String where)
      implements FormatTexts {
    @Override
    public String text(String path) {
      return reader.apply(path);
    }
  }
}
