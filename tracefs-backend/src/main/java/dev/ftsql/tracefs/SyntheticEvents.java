package dev.ftsql.tracefs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads the {@code synthetic_events} listing: {@code name<TAB>type field; ...}, one event a line. */
final class SyntheticEvents {
  private SyntheticEvents() {}

  static Set<String> names(String listing) {
    return definitions(listing).keySet();
  }

  /** Each event's name and its whole line. */
  static Map<String, String> definitions(String listing) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : listing.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      out.put(t.split("\\s+", 2)[0], t);
    }
    return out;
  }
}
