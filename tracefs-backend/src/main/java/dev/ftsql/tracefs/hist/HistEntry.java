package dev.ftsql.tracefs.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a histogram: a line, or several with a stack key, plus its {@code max:} /
 * {@code changed:} lines. An immutable value. Not a record: the names of keys and values are shared
 * by all entries of a histogram and the numbers are kept unboxed, which halves what a
 * 131,072-entry table takes in memory.
 */
public final class HistEntry {
  private final String[] keyNames;
  private final HistKey[] keys;
  private final long hitcount;
  private final String[] valueNames;
  private final long[] values;
  private final List<Tracked> tracked;

  /**
   * @param keys the keys in trigger order
   * @param hitcount the hitcount; 0 when the trigger has {@code :nohitcount}
   * @param values the further values by name
   * @param tracked the {@code max:} / {@code changed:} lines, one per handler
   */
  public HistEntry(List<KeyField> keys, long hitcount, Map<String, Long> values, List<Tracked> tracked) {
    this.keyNames = new String[keys.size()];
    this.keys = new HistKey[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      keyNames[i] = Objects.requireNonNull(keys.get(i).name());
      this.keys[i] = Objects.requireNonNull(keys.get(i).value());
    }
    this.hitcount = hitcount;
    this.valueNames = new String[values.size()];
    this.values = new long[values.size()];
    int i = 0;
    for (Map.Entry<String, Long> v : values.entrySet()) {
      valueNames[i] = v.getKey();
      this.values[i++] = v.getValue();
    }
    this.tracked = List.copyOf(tracked);
  }

  /** The parser's way in: the arrays are its own, never changed after. */
  HistEntry(String[] keyNames, HistKey[] keys, long hitcount, String[] valueNames, long[] values, List<Tracked> tracked) {
    this.keyNames = keyNames;
    this.keys = keys;
    this.hitcount = hitcount;
    this.valueNames = valueNames;
    this.values = values;
    this.tracked = tracked;
  }

  /** The keys in trigger order, each with its label as printed. */
  public List<KeyField> keys() {
    List<KeyField> out = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) {
      out.add(new KeyField(keyNames[i], keys[i]));
    }
    return Collections.unmodifiableList(out);
  }

  public int keyCount() {
    return keys.length;
  }

  /** The value of the key at {@code index}, in trigger order. */
  public HistKey key(int index) {
    return keys[index];
  }

  /** The value of the key labelled {@code name}. */
  public Optional<HistKey> key(String name) {
    for (int i = 0; i < keys.length; i++) {
      if (keyNames[i].equals(name)) {
        return Optional.of(keys[i]);
      }
    }
    return Optional.empty();
  }

  /** The hitcount; 0 when the trigger has {@code :nohitcount}. */
  public long hitcount() {
    return hitcount;
  }

  /**
   * The values besides hitcount, by name, in print order ({@code .percent} and {@code .graph}
   * values are not numbers and are left out).
   */
  public Map<String, Long> values() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      out.put(valueNames[i], values[i]);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The value called {@code name}. */
  public OptionalLong value(String name) {
    for (int i = 0; i < values.length; i++) {
      if (valueNames[i].equals(name)) {
        return OptionalLong.of(values[i]);
      }
    }
    return OptionalLong.empty();
  }

  /** The {@code max:} / {@code changed:} lines, one per handler. */
  public List<Tracked> tracked() {
    return tracked;
  }

  /** The first line of {@code handler}, if the trigger has one. */
  public Optional<Tracked> tracked(Tracked.Handler handler) {
    for (Tracked t : tracked) {
      if (t.handler() == handler) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistEntry
        && ((HistEntry) o).hitcount == hitcount
        && ((HistEntry) o).keys().equals(keys())
        && ((HistEntry) o).values().equals(values())
        && ((HistEntry) o).tracked.equals(tracked);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(keys), Arrays.hashCode(keyNames), hitcount, values(), tracked);
  }

  @Override
  public String toString() {
    return "HistEntry[keys=" + keys() + ", hitcount=" + hitcount + ", values=" + values() + ", tracked=" + tracked + "]";
  }
}
