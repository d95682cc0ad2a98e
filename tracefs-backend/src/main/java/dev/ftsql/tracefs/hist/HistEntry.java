package dev.ftsql.tracefs.hist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line (or, with a stack key, several lines) of a histogram.
 *
 * @param keys the keys in trigger order
 * @param hitcount the hitcount; 0 when the trigger has {@code :nohitcount}
 * @param values the further values by name ({@code .percent} and {@code .graph} values are not
 *     numbers and are left out)
 * @param tracked the {@code max:} / {@code changed:} lines, one per handler
 */
public record HistEntry(List<KeyField> keys, long hitcount, Map<String, Long> values, List<Tracked> tracked) {
  public HistEntry {
    keys = List.copyOf(keys);
    values = Map.copyOf(values);
    tracked = List.copyOf(tracked);
  }

  /** The value of the key labelled {@code name}. */
  public Optional<HistKey> key(String name) {
    for (KeyField k : keys) {
      if (k.name().equals(name)) {
        return Optional.of(k.value());
      }
    }
    return Optional.empty();
  }

  /** The first line of {@code handler}, if the trigger has one. */
  public Optional<Tracked> tracked(Tracked.Handler handler) {
    return tracked.stream().filter(t -> t.handler() == handler).findFirst();
  }
}
