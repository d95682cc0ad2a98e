package dev.ftsql.tracefs.result;

import dev.ftsql.tracefs.hist.HistKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code --bars} output: one bar per bucket of the table's first {@code log2()} or
 * {@code bucket()} column, sized by the rows' hitcounts, in the style of bpftrace's {@code hist()}:
 *
 * <pre>
 * (4, 8]     12 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
 * (8, 16]     3 |@@@@@@@@@@@@@                                       |
 * </pre>
 *
 * A log2 bucket N is labelled with the kernel's range (2^(N-1), 2^N] (bucket 0 is [0, 1]), with
 * K, M, G... for powers of 1024; a linear bucket is [low, high+1). Missing buckets between the
 * smallest and the largest show as empty bars (linear ones only when that makes at most 100 bars).
 * A table without rows prints {@code (no rows)}.
 * When the table has other key columns, each combination of them gets its own chart under a
 * heading line, in the table's order of first appearance.
 */
final class BarChart {
  private static final int WIDTH = 52;
  private static final int MAX_LINEAR_BARS = 100;

  private BarChart() {}

  static void write(ResultTable table, Appendable out) throws IOException {
    int bucket = -1;
    for (int c = 0; c < table.columns().size(); c++) {
      if (table.columns().get(c).type().isBucket()) {
        bucket = c;
        break;
      }
    }
    if (bucket < 0) {
      throw new IllegalArgumentException("bars need a log2() or bucket() column in the SELECT list");
    }
    Map<String, List<Row>> charts = new LinkedHashMap<>();
    for (Row r : table.rows()) {
      charts.computeIfAbsent(heading(table, r, bucket), h -> new ArrayList<>()).add(r);
    }
    if (charts.isEmpty()) {
      out.append("(no rows)\n");
      return;
    }
    boolean first = true;
    for (Map.Entry<String, List<Row>> chart : charts.entrySet()) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      if (!chart.getKey().isEmpty()) {
        out.append(chart.getKey()).append(":\n");
      }
      chart(bars(chart.getValue(), bucket), out);
    }
  }

  private static String heading(ResultTable table, Row r, int bucket) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < table.columns().size(); c++) {
      Column col = table.columns().get(c);
      if (c != bucket && col.key()) {
        if (b.length() > 0) {
          b.append(", ");
        }
        b.append(col.name()).append(" = ").append(r.cell(c).text().replace('\n', ' '));
      }
    }
    return b.toString();
  }

  private record Bar(String label, long count) {}

  /** The chart's bars in bucket order, with the gaps filled. */
  private static List<Bar> bars(List<Row> rows, int bucket) {
    TreeMap<HistKey, Long> counts = new TreeMap<>(HistKey.ORDER);
    for (Row r : rows) {
      Cell c = r.cell(bucket);
      HistKey key = c instanceof Cell.Key ? ((Cell.Key) c).key() : new HistKey.Raw(c.text());
      counts.merge(key, r.hitcount(), Long::sum);
    }
    List<Bar> bars = new ArrayList<>();
    boolean fill = fillsGaps(counts.firstKey(), counts.lastKey());
    HistKey previous = null;
    for (Map.Entry<HistKey, Long> e : counts.entrySet()) {
      HistKey key = e.getKey();
      if (previous != null && fill) {
        for (HistKey gap : gap(previous, key)) {
          bars.add(new Bar(label(gap), 0));
        }
      }
      bars.add(new Bar(label(key), e.getValue()));
      previous = key;
    }
    return bars;
  }

  /** Log2 gaps are always filled (at most 64 bars); linear ones if that makes at most 100 bars. */
  private static boolean fillsGaps(HistKey first, HistKey last) {
    if (first instanceof HistKey.Bucket && last instanceof HistKey.Bucket) {
      HistKey.Bucket a = (HistKey.Bucket) first;
      HistKey.Bucket b = (HistKey.Bucket) last;
      long width = a.high() - a.low() + 1;
      return width > 0 && (b.low() - a.low()) / width + 1 <= MAX_LINEAR_BARS;
    }
    return true;
  }

  private static List<HistKey> gap(HistKey from, HistKey to) {
    List<HistKey> out = new ArrayList<>();
    if (from instanceof HistKey.Log2 && to instanceof HistKey.Log2) {
      for (int n = ((HistKey.Log2) from).exponent() + 1; n < ((HistKey.Log2) to).exponent(); n++) {
        out.add(new HistKey.Log2(n));
      }
    } else if (from instanceof HistKey.Bucket && to instanceof HistKey.Bucket) {
      HistKey.Bucket a = (HistKey.Bucket) from;
      long width = a.high() - a.low() + 1;
      for (long low = a.low() + width; low < ((HistKey.Bucket) to).low(); low += width) {
        out.add(new HistKey.Bucket(low, low + width - 1));
      }
    }
    return out;
  }

  private static String label(HistKey key) {
    if (key instanceof HistKey.Log2) {
      int n = ((HistKey.Log2) key).exponent();
      return n == 0 ? "[0, 1]" : "(" + power(n - 1) + ", " + power(n) + "]";
    }
    if (key instanceof HistKey.Bucket) {
      HistKey.Bucket b = (HistKey.Bucket) key;
      return "[" + Long.toUnsignedString(b.low()) + ", " + Long.toUnsignedString(b.high() + 1) + ")";
    }
    return key.text();
  }

  /** 2^n as bpftrace writes it: 512, 1K, 2K, ... 1M. */
  private static String power(int n) {
    String[] units = {"", "K", "M", "G", "T", "P", "E"};
    int unit = Math.min(n / 10, units.length - 1);
    return Long.toUnsignedString(1L << (n - 10 * unit)) + units[unit];
  }

  private static void chart(List<Bar> bars, Appendable out) throws IOException {
    int labelWidth = 0;
    int countWidth = 1;
    long max = 0;
    for (Bar b : bars) {
      labelWidth = Math.max(labelWidth, b.label().length());
      countWidth = Math.max(countWidth, Long.toUnsignedString(b.count()).length());
      max = Math.max(max, b.count());
    }
    for (Bar b : bars) {
      int length = max == 0 ? 0 : (int) Math.round((double) b.count() * WIDTH / max);
      String count = Long.toUnsignedString(b.count());
      out.append(b.label()).append(" ".repeat(labelWidth - b.label().length() + 1))
          .append(" ".repeat(countWidth - count.length())).append(count)
          .append(" |").append("@".repeat(length)).append(" ".repeat(WIDTH - length)).append("|\n");
    }
  }
}
