package dev.ftsql.cli.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One histogram of a {@code hist} file (kernel-hist.md §6): its trigger info, its entries and its
 * totals. A file holds one block per hist trigger on the event.
 */
public record HistBlock(
    String triggerInfo,
    List<HistEntry> entries,
    OptionalLong hits,
    OptionalLong totalEntries,
    OptionalLong dropped) {
  private static final String INFO = "# trigger info: ";
  private static final Pattern TOTAL = Pattern.compile("\\s+(Hits|Entries|Dropped): (\\d+)");

  /** Every block of a hist file, in file order. */
  public static List<HistBlock> parseAll(String hist) {
    List<HistBlock> blocks = new ArrayList<>();
    for (String text : hist.split("(?m)^# event histogram$")) {
      if (text.contains(INFO)) {
        blocks.add(parse(text));
      }
    }
    return blocks;
  }

  /** The block whose trigger info is the kernel's rendering of {@code triggerLine}. */
  public static HistBlock forTrigger(String hist, String triggerLine) {
    TriggerText wanted = TriggerText.parse(triggerLine);
    List<HistBlock> all = parseAll(hist);
    return all.stream()
        .filter(b -> wanted.isRenderedAs(TriggerText.parse(b.triggerInfo())))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no histogram for trigger '"
                        + triggerLine
                        + "' among "
                        + all.stream().map(HistBlock::triggerInfo).toList()
                        + " in:\n"
                        + hist));
  }

  private static HistBlock parse(String text) {
    String info = null;
    List<HistEntry> entries = new ArrayList<>();
    Long[] totals = new Long[3];
    StringBuilder key = null; // an open multi-line (stack) key
    String pendingKey = null; // the last entry's key, kept until its extra lines are read
    String pendingRest = null;
    List<String> extras = new ArrayList<>();
    boolean inTotals = false;
    for (String line : text.split("\n")) {
      if (line.startsWith(INFO)) {
        info = line.substring(INFO.length());
      } else if (key != null) {
        if (line.startsWith("}")) {
          pendingKey = key.toString();
          pendingRest = line.substring(1);
          key = null;
        } else {
          key.append('\n').append(line);
        }
      } else if (line.startsWith("{ ")) {
        flush(entries, pendingKey, pendingRest, extras);
        pendingKey = null;
        extras = new ArrayList<>();
        int close = line.lastIndexOf('}');
        if (close < 0) {
          key = new StringBuilder(line.substring(2));
        } else {
          pendingKey = line.substring(2, close);
          pendingRest = line.substring(close + 1);
        }
      } else if (line.startsWith("\t") && pendingKey != null) {
        extras.add(line);
      } else if (line.equals("Totals:")) {
        inTotals = true;
      } else if (inTotals) {
        Matcher m = TOTAL.matcher(line);
        if (m.matches()) {
          int i = List.of("Hits", "Entries", "Dropped").indexOf(m.group(1));
          totals[i] = Long.parseLong(m.group(2));
        }
      }
    }
    flush(entries, pendingKey, pendingRest, extras);
    return new HistBlock(
        info, List.copyOf(entries), opt(totals[0]), opt(totals[1]), opt(totals[2]));
  }

  private static void flush(List<HistEntry> entries, String key, String rest, List<String> extras) {
    if (key != null) {
      entries.add(HistEntry.parse(key, rest, extras));
    }
  }

  private static OptionalLong opt(Long v) {
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /** Each entry's rendering of one key, in file order. */
  public List<String> keys(String label) {
    return entries.stream().map(e -> e.key(label)).toList();
  }

  public List<Long> values(String name) {
    return entries.stream().map(e -> e.value(name)).toList();
  }

  /** Whether the kernel printed the {@code Totals:} section. */
  public boolean hasTotals() {
    return hits.isPresent() && totalEntries.isPresent() && dropped.isPresent();
  }

  /** For messages: key renderings of the first entries. */
  public String summary() {
    return triggerInfo
        + " "
        + entries.stream().limit(8).map(HistEntry::keys).map(Map::toString).toList();
  }
}
