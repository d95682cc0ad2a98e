package dev.ftsql.tracefs.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftsql.plan.ResultSpec;
import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.query.AggregateKind;
import dev.ftsql.sql.query.CompareOp;
import dev.ftsql.sql.query.Display;
import dev.ftsql.sql.query.OutputColumn;
import dev.ftsql.sql.query.ResultRef;
import dev.ftsql.sql.query.RowCondition;
import dev.ftsql.sql.query.SortItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** AVG, MAX, hidden keys, HAVING, ORDER BY and LIMIT on small hand-written histograms. */
class ResultReaderTest {
  private static final SourceSpan AT = SourceSpan.at(0);
  private static final String TRIGGER = "hist:keys=common_pid.execname,prio:vals=bytes,lat:m=lat:onmax($m).save(lat)";

  /** Five tasks; sh has a tie with cat on count, and prio 0 on one row. */
  private static final String HIST = "# event histogram\n#\n# trigger info: hist:keys=common_pid.execname,prio:"
      + "vals=hitcount,bytes,lat:m=lat:sort=hitcount:size=2048:onmax($m).save(lat) [active]\n#\n\n"
      + "{ common_pid: sh              [        10], prio:        120 } hitcount:          4  bytes:        400  lat:         10\n"
      + "\tmax:          7  lat:          7\n"
      + "{ common_pid: cat             [         9], prio:        120 } hitcount:          4  bytes:        100  lat:          9\n"
      + "\tmax:          3  lat:          3\n"
      + "{ common_pid: kworker/0:1     [         3], prio:          0 } hitcount:          1  bytes:          0  lat:          5\n"
      + "\tmax:          5  lat:          5\n"
      + "{ common_pid: ls              [        12], prio:        120 } hitcount:          9  bytes:         90  lat:         90\n"
      + "\tmax:         20  lat:         20\n"
      + "{ common_pid: head            [        11], prio:        100 } hitcount:          2  bytes:       1000  lat:          3\n"
      + "\tmax:          2  lat:          2\n"
      + "\nTotals:\n    Hits: 20\n    Entries: 5\n    Dropped: 0\n";

  private static OutputColumn key(String name, int index) {
    return new OutputColumn(name, OutputColumn.Source.KEY, index, AT);
  }

  private static OutputColumn aggregate(String name, int index) {
    return new OutputColumn(name, OutputColumn.Source.AGGREGATE, index, AT);
  }

  private static ResultRef agg(int index) {
    return new ResultRef(OutputColumn.Source.AGGREGATE, index);
  }

  /** pid, count, sum(bytes), avg(lat), max(lat); keys pid (shown) and prio (hidden unless asked). */
  private static ResultSpec spec(boolean prioHidden, List<SortItem> orderBy, OptionalLong limit,
      Optional<RowCondition> having) {
    return new ResultSpec("events/x/y/hist", TRIGGER,
        List.of(new ResultSpec.KeyColumn("common_pid", Display.EXECNAME, ResultSpec.KeyType.NUMBER, false),
            new ResultSpec.KeyColumn("prio", Display.PLAIN, ResultSpec.KeyType.NUMBER, prioHidden)),
        List.of(new ResultSpec.AggregateColumn(AggregateKind.COUNT, "hitcount", false),
            new ResultSpec.AggregateColumn(AggregateKind.SUM, "bytes", false),
            new ResultSpec.AggregateColumn(AggregateKind.AVG, "lat", false),
            new ResultSpec.AggregateColumn(AggregateKind.MAX, "max", false)),
        List.of(key("task", 0), aggregate("n", 0), aggregate("bytes", 1), aggregate("avg_lat", 2),
            aggregate("max_lat", 3)),
        orderBy, limit, having);
  }

  private static List<String> rows(ResultTable t) {
    return t.rows().stream().map(r -> String.join(" | ", r.cells().stream().map(Cell::text).toList())).toList();
  }

  @Test
  void avgIsSumOverHitcountAndMaxComesFromTheMaxLine() {
    ResultTable t = ResultReader.read(spec(false, List.of(), OptionalLong.empty(), Optional.empty()), HIST);
    // No ORDER BY: by the keys, pid first.
    assertThat(rows(t)).containsExactly(
        "kworker/0:1 [3] | 1 | 0 | 5.00 | 5",
        "cat [9] | 4 | 100 | 2.25 | 3",
        "sh [10] | 4 | 400 | 2.50 | 7",
        "head [11] | 2 | 1000 | 1.50 | 2",
        "ls [12] | 9 | 90 | 10.00 | 20");
    assertThat(t.columns()).extracting(Column::type).containsExactly(
        ColumnType.EXECNAME, ColumnType.NUMBER, ColumnType.NUMBER, ColumnType.DECIMAL, ColumnType.NUMBER);
    assertThat(t.rows().get(2).hitcount()).isEqualTo(4);
  }

  @Test
  void orderByDescendingWithTiesBrokenByTheKeysThenLimit() {
    ResultSpec s = spec(false, List.of(new SortItem(agg(0), true, AT)), OptionalLong.of(3), Optional.empty());
    // sh and cat both have 4: cat's pid 9 comes before sh's 10.
    assertThat(rows(ResultReader.read(s, HIST))).extracting(r -> r.substring(0, r.indexOf(" |")))
        .containsExactly("ls [12]", "cat [9]", "sh [10]");
  }

  @Test
  void orderByTwoItemsTheKernelCannotSortOn() {
    ResultSpec s = spec(false, List.of(new SortItem(agg(0), false, AT), new SortItem(agg(2), true, AT)),
        OptionalLong.empty(), Optional.empty());
    assertThat(rows(ResultReader.read(s, HIST))).extracting(r -> r.substring(0, r.indexOf(" |")))
        .containsExactly("kworker/0:1 [3]", "head [11]", "sh [10]", "cat [9]", "ls [12]");
  }

  @Test
  void limitZero() {
    ResultTable t = ResultReader.read(spec(false, List.of(), OptionalLong.of(0), Optional.empty()), HIST);
    assertThat(t.rows()).isEmpty();
    assertThat(t.totals().entries()).isEqualTo(5);
  }

  @Test
  void havingWithAndOrNotOnAggregatesAndKeys() {
    RowCondition manyHits = new RowCondition.Compare(agg(0), CompareOp.GE, BigDecimal.valueOf(4));
    RowCondition slow = new RowCondition.Compare(agg(2), CompareOp.GT, new BigDecimal("2.4"));
    RowCondition notPid12 = new RowCondition.Not(
        new RowCondition.Compare(new ResultRef(OutputColumn.Source.KEY, 0), CompareOp.EQ, BigDecimal.valueOf(12)));
    RowCondition bigBytes = new RowCondition.Compare(agg(1), CompareOp.EQ, BigDecimal.valueOf(1000));
    // (count >= 4 AND avg > 2.4 AND pid != 12) OR bytes = 1000
    RowCondition having = new RowCondition.Or(List.of(new RowCondition.And(List.of(manyHits, slow, notPid12)), bigBytes));
    ResultTable t = ResultReader.read(spec(false, List.of(), OptionalLong.empty(), Optional.of(having)), HIST);
    assertThat(rows(t)).extracting(r -> r.substring(0, r.indexOf(" |"))).containsExactly("sh [10]", "head [11]");
  }

  @Test
  void havingOnAStringKeyIsUnknownSoTheRowIsDropped() {
    String hist = "# trigger info: hist:keys=comm:vals=hitcount:sort=hitcount:size=2048 [active]\n\n"
        + "{ comm: sh" + " ".repeat(48) + " } hitcount:          4\n\nTotals:\n    Hits: 4\n    Entries: 1\n    Dropped: 0\n";
    RowCondition onKey = new RowCondition.Compare(new ResultRef(OutputColumn.Source.KEY, 0), CompareOp.NE, BigDecimal.ONE);
    for (RowCondition having : List.of(onKey, new RowCondition.Not(onKey))) {
      ResultSpec s = new ResultSpec("hist", "hist:keys=comm", List.of(new ResultSpec.KeyColumn("comm", Display.PLAIN, ResultSpec.KeyType.STRING, false)),
          List.of(new ResultSpec.AggregateColumn(AggregateKind.COUNT, "hitcount", false)),
          List.of(key("comm", 0), aggregate("count", 0)), List.of(), OptionalLong.empty(), Optional.of(having));
      assertThat(ResultReader.read(s, hist).rows()).isEmpty();
    }
  }

  @Test
  void aHiddenKeyIsDroppedAndItsRowsMerged() {
    // With prio hidden, give sh a second entry (another prio) in place of ls.
    String merged = HIST.replace("ls              [        12], prio:        120", "sh              [        10], prio:        130");
    ResultTable t = ResultReader.read(spec(true, List.of(), OptionalLong.empty(), Optional.empty()), merged);
    assertThat(rows(t)).containsExactly(
        "kworker/0:1 [3] | 1 | 0 | 5.00 | 5",
        "cat [9] | 4 | 100 | 2.25 | 3",
        // sh (4 hits, 400 bytes, lat 10, max 7) and the former ls (9, 90, 90, max 20) are one row now.
        "sh [10] | 13 | 490 | 7.69 | 20",
        "head [11] | 2 | 1000 | 1.50 | 2");
    assertThat(t.rows().get(2).hitcount()).isEqualTo(13);
  }

  @Test
  void aggregatesOverAnEmptyHistogramGiveOneRowOfZeroAndNulls() {
    String empty = "# trigger info: hist:keys=common_type:vals=hitcount,bytes_req:sort=hitcount:size=2048 [active]\n#\n\n\n"
        + "Totals:\n    Hits: 0\n    Entries: 0\n    Dropped: 0\n";
    ResultSpec s = new ResultSpec("hist", "hist:keys=common_type:vals=bytes_req",
        List.of(new ResultSpec.KeyColumn("common_type", Display.PLAIN, ResultSpec.KeyType.NUMBER, true)),
        List.of(new ResultSpec.AggregateColumn(AggregateKind.COUNT, "hitcount", false),
            new ResultSpec.AggregateColumn(AggregateKind.SUM, "bytes_req", false),
            new ResultSpec.AggregateColumn(AggregateKind.AVG, "bytes_req", false)),
        List.of(aggregate("count", 0), aggregate("sum", 1), aggregate("avg", 2)),
        List.of(), OptionalLong.empty(), Optional.empty());
    ResultTable t = ResultReader.read(s, empty);
    assertThat(t.rows()).hasSize(1);
    assertThat(t.rows().get(0).cells()).containsExactly(new Cell.Number(0), new Cell.Null(), new Cell.Null());
  }

  @Test
  void groupedQueryOverAnEmptyHistogramHasNoRows() {
    String empty = HIST.substring(0, HIST.indexOf("{ ")) + "\nTotals:\n    Hits: 0\n    Entries: 0\n    Dropped: 0\n";
    assertThat(ResultReader.read(spec(false, List.of(), OptionalLong.empty(), Optional.empty()), empty).rows()).isEmpty();
  }

  @Test
  void droppedEventsGiveAWarningThatSuggestsSize() {
    String full = HIST.replace("size=2048", "size=128").replace("Dropped: 0", "Dropped: 2426");
    ResultTable t = ResultReader.read(spec(false, List.of(), OptionalLong.empty(), Optional.empty()), full);
    assertThat(t.warnings()).singleElement().asString()
        .contains("dropped 2426 events").contains("--size").contains("now 128");
    assertThat(ResultReader.read(spec(false, List.of(), OptionalLong.empty(), Optional.empty()), HIST).warnings())
        .isEmpty();
  }

  @Test
  void aFileWithoutThePlansHistogram() {
    ResultSpec other = new ResultSpec("events/x/y/hist", "hist:keys=common_pid.execname,prio:vals=bytes",
        List.of(), List.of(), List.of(), List.of(), OptionalLong.empty(), Optional.empty());
    assertThatThrownBy(() -> ResultReader.read(other, HIST)).isInstanceOf(NoSuchHistogramException.class)
        .hasMessageContaining("has no histogram of hist:keys=common_pid.execname,prio:vals=bytes");
    assertThatThrownBy(() -> ResultReader.read(other, "# Available triggers:\n# traceon traceoff hist\n"))
        .isInstanceOf(NoSuchHistogramException.class).hasMessageContaining("the trigger is not on the event");
  }

  @Test
  void aStringKeyOfDigitsIsTextAndSortsAsText() throws Exception {
    String hist = "# trigger info: hist:keys=comm:vals=hitcount:sort=hitcount:size=2048 [active]\n\n"
        + "{ comm: 900" + " ".repeat(13) + " } hitcount:          1\n"
        + "{ comm: 1000" + " ".repeat(12) + " } hitcount:          2\n"
        + "\nTotals:\n    Hits: 3\n    Entries: 2\n    Dropped: 0\n";
    ResultSpec s = new ResultSpec("hist", "hist:keys=comm",
        List.of(new ResultSpec.KeyColumn("comm", Display.PLAIN, ResultSpec.KeyType.STRING, false)),
        List.of(new ResultSpec.AggregateColumn(AggregateKind.COUNT, "hitcount", false)),
        List.of(key("comm", 0), aggregate("count", 0)), List.of(), OptionalLong.empty(), Optional.empty());
    ResultTable t = ResultReader.read(s, hist);
    assertThat(t.columns().get(0).type()).isEqualTo(ColumnType.STRING);
    // As text "1000" < "900"; as numbers it would be the other way round.
    assertThat(rows(t)).containsExactly("1000 | 2", "900 | 1");
    StringBuilder json = new StringBuilder();
    OutputFormat.JSON.write(t, json);
    assertThat(json.toString()).contains("\"rows\":[{\"comm\":\"1000\",\"count\":2},{\"comm\":\"900\",\"count\":1}]");
  }

  @Test
  void aHexSumIsShownInHexAndOrdersByItsValue() {
    String hist = "# trigger info: hist:keys=common_pid:vals=hitcount,bytes.hex:sort=hitcount:size=2048 [active]\n\n"
        + "{ common_pid:          1 } hitcount:          1  bytes:         ff\n"
        + "{ common_pid:          2 } hitcount:          1  bytes:        100\n"
        + "\nTotals:\n    Hits: 2\n    Entries: 2\n    Dropped: 0\n";
    ResultSpec s = new ResultSpec("hist", "hist:keys=common_pid:vals=bytes.hex",
        List.of(new ResultSpec.KeyColumn("common_pid", Display.PLAIN, ResultSpec.KeyType.NUMBER, false)),
        List.of(new ResultSpec.AggregateColumn(AggregateKind.SUM, "bytes", true)),
        List.of(key("pid", 0), aggregate("bytes", 0)),
        List.of(new SortItem(agg(0), true, AT)), OptionalLong.empty(), Optional.empty());
    ResultTable t = ResultReader.read(s, hist);
    assertThat(t.columns()).extracting(Column::type).containsExactly(ColumnType.NUMBER, ColumnType.HEX);
    assertThat(rows(t)).containsExactly("2 | 0x100", "1 | 0xff");
  }
}
