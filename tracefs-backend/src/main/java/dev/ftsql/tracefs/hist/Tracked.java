package dev.ftsql.tracefs.hist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line an {@code onmax()} or {@code onchange()} handler adds under an entry:
 * {@code max: 120  prev_comm: swapper/1  prev_pid: 0}.
 *
 * @param handler which handler printed it
 * @param value the tracked maximum, or the last value for {@code onchange}
 * @param saved the {@code save()} fields in order, padding removed; numbers as decimal text
 */
public record Tracked(Handler handler, long value, Map<String, String> saved) {
  public Tracked {
    saved = Collections.unmodifiableMap(new LinkedHashMap<>(saved));
  }

  public enum Handler {
    MAX("max"),
    CHANGED("changed");

    private final String label;

    Handler(String label) {
      this.label = label;
    }

    /** The label that starts the line. */
    public String label() {
      return label;
    }
  }
}
