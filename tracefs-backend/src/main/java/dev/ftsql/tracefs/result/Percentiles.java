package dev.ftsql.tracefs.result;

import dev.ftsql.tracefs.hist.HistKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * p50, p90 and p99 of the values behind a {@code log2()} or {@code bucket()} column, estimated
 * from the rows' hitcounts. The histogram only says how many events fell in each bucket, so each
 * percentile is found in the bucket where the cumulative count reaches {@code q * samples}, and
 * placed inside it by linear interpolation between the bucket's smallest and largest value, as if
 * the bucket's events were spread evenly. The error is at most the bucket's width: a factor of two
 * for log2 (bucket N holds (2^(N-1), 2^N]), {@code n} for {@code bucket(x, n)}.
 *
 * <p>Rows with the same bucket (other keys differ) are added up. The estimate covers the rows of the
 * table: HAVING and LIMIT narrow it too.
 *
 * @param column the bucket column used
 * @param samples the events counted (the sum of the rows' hitcounts)
 */
public record Percentiles(String column, long samples, double p50, double p90, double p99) {

  /** Over the first {@code log2()} or {@code bucket()} column; empty if none, or no events. */
  public static Optional<Percentiles> of(ResultTable table) {
    for (Column c : table.columns()) {
      if (c.type().isBucket()) {
        return of(table, c.name());
      }
    }
    return Optional.empty();
  }

  /** Over the named column, whose cells must be log2 or linear buckets; empty if no events. */
  public static Optional<Percentiles> of(ResultTable table, String column) {
    OptionalInt index = table.column(column);
    if (index.isEmpty()) {
      throw new IllegalArgumentException("no column " + column);
    }
    List<Bin> bins = new ArrayList<>();
    long samples = 0;
    for (Row r : table.rows()) {
      Cell cell = r.cell(index.getAsInt());
      HistKey key = cell instanceof Cell.Key ? ((Cell.Key) cell).key() : null;
      Bin bin;
      if (key instanceof HistKey.Log2) {
        HistKey.Log2 b = (HistKey.Log2) key;
        bin = new Bin(unsigned(b.low()), unsigned(b.high()), r.hitcount());
      } else if (key instanceof HistKey.Bucket) {
        HistKey.Bucket b = (HistKey.Bucket) key;
        bin = new Bin(unsigned(b.low()), unsigned(b.high()), r.hitcount());
      } else {
        throw new IllegalArgumentException(column + " is not a log2() or bucket() column");
      }
      bins.add(bin);
      samples += r.hitcount();
    }
    if (samples == 0) {
      return Optional.empty();
    }
    bins.sort(Comparator.comparingDouble(Bin::low));
    return Optional.of(new Percentiles(
        column, samples, quantile(bins, samples, 0.50), quantile(bins, samples, 0.90), quantile(bins, samples, 0.99)));
  }

  private record Bin(double low, double high, long count) {}

  private static double quantile(List<Bin> bins, long samples, double q) {
    double rank = q * samples;
    long before = 0;
    for (Bin b : bins) {
      if (b.count() > 0 && before + b.count() >= rank) {
        double f = (rank - before) / b.count();
        return b.low() + f * (b.high() - b.low());
      }
      before += b.count();
    }
    return bins.get(bins.size() - 1).high();
  }

  private static double unsigned(long v) {
    return v >= 0 ? v : v + 0x1p64;
  }
}
