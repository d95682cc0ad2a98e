package dev.ftsql.tracefs.result;

import dev.ftsql.plan.ResultSpec;
import dev.ftsql.sql.query.AggregateKind;
import dev.ftsql.sql.query.OutputColumn;
import dev.ftsql.sql.query.ResultRef;
import dev.ftsql.sql.query.RowCondition;
import dev.ftsql.sql.query.SortItem;
import dev.ftsql.tracefs.hist.HistEntry;
import dev.ftsql.tracefs.hist.HistFile;
import dev.ftsql.tracefs.hist.HistKey;
import dev.ftsql.tracefs.hist.HistParser;
import dev.ftsql.tracefs.hist.Histogram;
import dev.ftsql.tracefs.hist.Tracked;
import dev.ftsql.tracefs.hist.TriggerInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a plan's histogram into its {@link ResultTable}, doing what the kernel cannot: AVG (the
 * value divided by the hitcount, rounded half-up to two decimals), MAX (from the {@code max:} line),
 * hidden keys (dropped, their rows merged), HAVING, the full ORDER BY and LIMIT.
 *
 * <p>Rows are ordered by the ORDER BY items, then by every shown key ascending, so equal sort
 * values always come out in the same order; without ORDER BY, by the keys alone (a log2 column
 * then reads from small to large). Keys compare as the kernel's {@code sort=} would: by the number
 * behind them (pid, syscall id, address, bucket), strings by text. NULL sorts after every value.
 */
public final class ResultReader {
  private static final long MAX_SIZE = 131072;

  private ResultReader() {}

  /** Parses {@code histText}, picks the plan's histogram ({@link HistFile#find}) and reads it. */
  public static ResultTable read(ResultSpec spec, CharSequence histText) {
    HistFile file = HistParser.parse(histText);
    Histogram histogram = file.find(spec.trigger()).orElseThrow(() -> new NoSuchHistogramException(
        file.histograms().isEmpty()
            ? spec.histFile() + " has no histogram: the trigger is not on the event"
            : spec.histFile() + " has no histogram of " + spec.trigger()));
    return read(spec, histogram);
  }

  /** Reads a histogram already picked out of its file. */
  public static ResultTable read(ResultSpec spec, Histogram histogram) {
    List<Group> groups = groups(spec, histogram);
    spec.having().ifPresent(h -> groups.removeIf(g -> !Boolean.TRUE.equals(holds(h, g))));
    groups.sort(order(spec));
    long limit = spec.limit().orElse(Long.MAX_VALUE);
    List<Row> rows = new ArrayList<>();
    for (Group g : groups) {
      if (rows.size() >= limit) {
        break;
      }
      List<Cell> cells = new ArrayList<>(spec.columns().size());
      for (OutputColumn c : spec.columns()) {
        cells.add(g.cell(c.source(), c.index()));
      }
      rows.add(new Row(cells, g.hitcount));
    }
    return new ResultTable(columns(spec), rows, histogram.totals(), warnings(histogram));
  }

  // ---- grouping -----------------------------------------------------------------------------------

  /** The aggregates of one row before they become cells: sums, so that merged rows add up. */
  private static final class Group {
    final HistKey[] keys;
    long hitcount;
    final long[] sums;
    final Long[] maxima;
    Cell[] aggregates;

    Group(HistKey[] keys, int aggregates) {
      this.keys = keys;
      this.sums = new long[aggregates];
      this.maxima = new Long[aggregates];
    }

    Cell cell(OutputColumn.Source source, int index) {
      return source == OutputColumn.Source.KEY ? new Cell.Key(keys[index]) : aggregates[index];
    }
  }

  private static List<Group> groups(ResultSpec spec, Histogram histogram) {
    int keyCount = spec.keys().size();
    List<ResultSpec.AggregateColumn> aggregates = spec.aggregates();
    boolean merge = spec.keys().stream().anyMatch(ResultSpec.KeyColumn::hidden);
    Map<List<HistKey>, Group> merged = new LinkedHashMap<>();
    List<Group> groups = new ArrayList<>(histogram.entries().size());
    for (HistEntry e : histogram.entries()) {
      if (e.keyCount() != keyCount) {
        throw new NoSuchHistogramException("the histogram has " + e.keyCount() + " keys, the plan "
            + keyCount + ": " + histogram.trigger().text());
      }
      HistKey[] keys = new HistKey[keyCount];
      for (int i = 0; i < keyCount; i++) {
        keys[i] = typed(spec.keys().get(i), e.key(i));
      }
      Group g;
      if (merge) {
        g = merged.computeIfAbsent(visible(spec, keys), k -> new Group(keys, aggregates.size()));
      } else {
        g = new Group(keys, aggregates.size());
        groups.add(g);
      }
      add(g, e, aggregates);
    }
    if (merge) {
      groups.addAll(merged.values());
    }
    // Aggregates without GROUP BY give one row even over no events, as in SQL.
    if (groups.isEmpty() && spec.keys().stream().allMatch(ResultSpec.KeyColumn::hidden)) {
      groups.add(new Group(new HistKey[keyCount], aggregates.size()));
    }
    for (Group g : groups) {
      g.aggregates = new Cell[aggregates.size()];
      for (int a = 0; a < aggregates.size(); a++) {
        g.aggregates[a] = aggregate(aggregates.get(a), g, a);
      }
    }
    return groups;
  }

  /**
   * A string field whose text is all digits (a comm "1234") reads as a number: it is text, and sorts
   * as text.
   */
  private static HistKey typed(ResultSpec.KeyColumn column, HistKey key) {
    if (column.type() == ResultSpec.KeyType.STRING && key instanceof HistKey.Number) {
      return new HistKey.Text(key.text());
    }
    return key;
  }

  private static List<HistKey> visible(ResultSpec spec, HistKey[] keys) {
    List<HistKey> out = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) {
      if (!spec.keys().get(i).hidden()) {
        out.add(keys[i]);
      }
    }
    return out;
  }

  private static void add(Group g, HistEntry e, List<ResultSpec.AggregateColumn> aggregates) {
    g.hitcount += e.hitcount();
    for (int a = 0; a < aggregates.size(); a++) {
      ResultSpec.AggregateColumn c = aggregates.get(a);
      switch (c.kind()) {
        case COUNT:
          g.sums[a] += e.hitcount();
          break;
        case SUM:
        case AVG:
          g.sums[a] += e.value(c.histName()).orElse(0);
          break;
        case MAX:
          Optional<Tracked> max = e.tracked(Tracked.Handler.MAX);
          if (max.isPresent() && (g.maxima[a] == null || Long.compareUnsigned(max.get().value(), g.maxima[a]) > 0)) {
            g.maxima[a] = max.get().value();
          }
          break;
        default:
          throw new IllegalStateException(c.kind().toString());
      }
    }
  }

  private static Cell aggregate(ResultSpec.AggregateColumn column, Group g, int a) {
    AggregateKind kind = column.kind();
    switch (kind) {
      case COUNT:
        return new Cell.Number(g.sums[a]);
      case SUM:
        if (g.hitcount == 0) {
          return new Cell.Null();
        }
        return column.hex() ? new Cell.Hex(g.sums[a]) : new Cell.Number(g.sums[a]);
      case AVG:
        if (g.hitcount == 0) {
          return new Cell.Null();
        }
        BigDecimal sum = new Cell.Number(g.sums[a]).number().orElseThrow();
        return new Cell.Decimal(sum.divide(BigDecimal.valueOf(g.hitcount), 2, RoundingMode.HALF_UP));
      case MAX:
        return g.maxima[a] == null ? new Cell.Null() : new Cell.Number(g.maxima[a]);
      default:
        throw new IllegalStateException(kind.toString());
    }
  }

  // ---- HAVING and ORDER BY ------------------------------------------------------------------------

  /** SQL's three-valued logic: null is unknown (a NULL or a non-numeric key), and fails HAVING. */
  private static Boolean holds(RowCondition c, Group g) {
    if (c instanceof RowCondition.And) {
      Boolean result = true;
      for (RowCondition o : ((RowCondition.And) c).operands()) {
        Boolean r = holds(o, g);
        if (Boolean.FALSE.equals(r)) {
          return false;
        }
        if (r == null) {
          result = null;
        }
      }
      return result;
    }
    if (c instanceof RowCondition.Or) {
      Boolean result = false;
      for (RowCondition o : ((RowCondition.Or) c).operands()) {
        Boolean r = holds(o, g);
        if (Boolean.TRUE.equals(r)) {
          return true;
        }
        if (r == null) {
          result = null;
        }
      }
      return result;
    }
    if (c instanceof RowCondition.Not) {
      Boolean r = holds(((RowCondition.Not) c).operand(), g);
      return r == null ? null : !r;
    }
    RowCondition.Compare cmp = (RowCondition.Compare) c;
    Optional<BigDecimal> left = cell(g, cmp.left()).number();
    if (left.isEmpty()) {
      return null;
    }
    int d = left.get().compareTo(cmp.right());
    switch (cmp.op()) {
      case EQ:
        return d == 0;
      case NE:
        return d != 0;
      case LT:
        return d < 0;
      case LE:
        return d <= 0;
      case GT:
        return d > 0;
      case GE:
        return d >= 0;
      default:
        throw new IllegalStateException(cmp.op().toString());
    }
  }

  private static Cell cell(Group g, ResultRef ref) {
    return g.cell(ref.source(), ref.index());
  }

  private static Comparator<Group> order(ResultSpec spec) {
    Comparator<Group> order = (a, b) -> 0;
    for (SortItem s : spec.orderBy()) {
      ResultRef ref = s.target();
      Comparator<Group> item = (a, b) -> Cell.ORDER.compare(cell(a, ref), cell(b, ref));
      order = order.thenComparing(s.descending() ? item.reversed() : item);
    }
    for (int i = 0; i < spec.keys().size(); i++) {
      if (!spec.keys().get(i).hidden()) {
        int k = i;
        order = order.thenComparing((a, b) -> HistKey.ORDER.compare(a.keys[k], b.keys[k]));
      }
    }
    return order;
  }

  // ---- columns and warnings -----------------------------------------------------------------------

  private static List<Column> columns(ResultSpec spec) {
    List<Column> out = new ArrayList<>();
    for (OutputColumn c : spec.columns()) {
      if (c.source() == OutputColumn.Source.KEY) {
        out.add(new Column(c.name(), keyType(spec.keys().get(c.index())), true));
      } else {
        out.add(new Column(c.name(), aggregateType(spec.aggregates().get(c.index())), false));
      }
    }
    return out;
  }

  private static ColumnType aggregateType(ResultSpec.AggregateColumn a) {
    if (a.kind() == AggregateKind.AVG) {
      return ColumnType.DECIMAL;
    }
    return a.hex() ? ColumnType.HEX : ColumnType.NUMBER;
  }

  /** The display says most; a plain key is what its field holds. */
  private static ColumnType keyType(ResultSpec.KeyColumn key) {
    switch (key.display()) {
      case HEX:
        return ColumnType.HEX;
      case SYM:
      case SYM_OFFSET:
        return ColumnType.SYMBOL;
      case EXECNAME:
        return ColumnType.EXECNAME;
      case SYSCALL:
        return ColumnType.SYSCALL;
      case LOG2:
        return ColumnType.LOG2;
      case BUCKETS:
        return ColumnType.BUCKET;
      case PLAIN:
      case USECS:
      default:
        switch (key.type()) {
          case STACKTRACE:
            return ColumnType.STACK;
          case STRING:
            return ColumnType.STRING;
          case NUMBER:
          default:
            return ColumnType.NUMBER;
        }
    }
  }

  private static List<String> warnings(Histogram histogram) {
    long dropped = histogram.totals().dropped();
    if (dropped == 0) {
      return List.of();
    }
    TriggerInfo t = histogram.trigger();
    int size = t.size().orElse(2048);
    String advice = size >= MAX_SIZE
        ? "the table is at its largest (" + MAX_SIZE + "); use fewer or coarser keys (log2(), bucket())"
        : "run again with a larger --size (now " + size + ", at most " + MAX_SIZE + ")";
    return List.of("the histogram's table was full: the kernel dropped " + Long.toUnsignedString(dropped)
        + " events, so the counts are too low; " + advice);
  }
}
