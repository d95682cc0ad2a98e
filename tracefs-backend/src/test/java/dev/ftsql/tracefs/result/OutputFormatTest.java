package dev.ftsql.tracefs.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftsql.tracefs.hist.HistKey;
import dev.ftsql.tracefs.hist.Totals;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact text of every format for small tables. */
class OutputFormatTest {
  private static final ResultTable SMALL = new ResultTable(
      List.of(new Column("comm", ColumnType.STRING, true), new Column("size", ColumnType.LOG2, true),
          new Column("count", ColumnType.NUMBER, false), new Column("avg_lat", ColumnType.DECIMAL, false),
          new Column("max_lat", ColumnType.NUMBER, false)),
      List.of(
          new Row(List.of(key(new HistKey.Text("sh")), key(new HistKey.Log2(4)), new Cell.Number(12),
              new Cell.Decimal(new BigDecimal("3.50")), new Cell.Number(20)), 12),
          new Row(List.of(key(new HistKey.Text("a \"b\", c")), key(new HistKey.Log2(10)), new Cell.Number(1234567),
              new Cell.Decimal(new BigDecimal("0.25")), new Cell.Null()), 1234567)),
      new Totals(1234579, 2, 0), List.of());

  private static Cell key(HistKey k) {
    return new Cell.Key(k);
  }

  private static String write(OutputFormat format, ResultTable table) throws IOException {
    StringBuilder out = new StringBuilder();
    format.write(table, out);
    return out.toString();
  }

  @Test
  void table() throws IOException {
    assertThat(write(OutputFormat.TABLE, SMALL)).isEqualTo(String.join("\n",
        "comm      size    count  avg_lat  max_lat",
        "--------  ----  -------  -------  -------",
        "sh        2^4        12     3.50       20",
        "a \"b\", c  2^10  1234567     0.25",
        "2 rows (hits 1234579, entries 2, dropped 0)",
        ""));
  }

  @Test
  void tableWithAStackCellAndNoRows() throws IOException {
    ResultTable stacks = new ResultTable(
        List.of(new Column("stack", ColumnType.STACK, true), new Column("count", ColumnType.NUMBER, false)),
        List.of(new Row(List.of(key(new HistKey.Stack(List.of("__do_sys_clone+0x7b/0xb0", "do_syscall_64+0x5d/0x90"))),
            new Cell.Number(65)), 65)),
        new Totals(65, 1, 0), List.of());
    assertThat(write(OutputFormat.TABLE, stacks)).isEqualTo(String.join("\n",
        "stack                     count",
        "------------------------  -----",
        "__do_sys_clone+0x7b/0xb0     65",
        "do_syscall_64+0x5d/0x90",
        "1 row (hits 65, entries 1, dropped 0)",
        ""));
    ResultTable none = new ResultTable(stacks.columns(), List.of(), new Totals(0, 0, 0), List.of());
    assertThat(write(OutputFormat.TABLE, none)).isEqualTo("stack  count\n-----  -----\n0 rows (hits 0, entries 0, dropped 0)\n");
  }

  @Test
  void csvQuotesOnlyWhereRfc4180Needs() throws IOException {
    assertThat(write(OutputFormat.CSV, SMALL)).isEqualTo(
        "comm,size,count,avg_lat,max_lat\r\n"
            + "sh,2^4,12,3.50,20\r\n"
            + "\"a \"\"b\"\", c\",2^10,1234567,0.25,\r\n");
  }

  @Test
  void json() throws IOException {
    String json = write(OutputFormat.JSON, SMALL);
    assertThat(json).isEqualTo("{\"columns\":[{\"name\":\"comm\",\"type\":\"string\"},{\"name\":\"size\",\"type\":\"log2\"},"
        + "{\"name\":\"count\",\"type\":\"number\"},{\"name\":\"avg_lat\",\"type\":\"decimal\"},"
        + "{\"name\":\"max_lat\",\"type\":\"number\"}],"
        + "\"rows\":[{\"comm\":\"sh\",\"size\":{\"log2\":4,\"min\":9,\"max\":16},\"count\":12,\"avg_lat\":3.50,\"max_lat\":20},"
        + "{\"comm\":\"a \\\"b\\\", c\",\"size\":{\"log2\":10,\"min\":513,\"max\":1024},\"count\":1234567,"
        + "\"avg_lat\":0.25,\"max_lat\":null}],"
        + "\"totals\":{\"hits\":1234579,\"entries\":2,\"dropped\":0}}\n");
  }

  @Test
  void jsonOfEveryKeyKindIsOneDocument() throws IOException {
    List<HistKey> keys = List.of(new HistKey.Number(-1L), new HistKey.Hex(0xffffffff9cd7f19cL),
        new HistKey.Symbol(0xffffffff9cd7f19cL, "single_open_size+0x3c/0xb0"), new HistKey.Execname("sh", 94),
        new HistKey.Syscall("sys_openat", 257), new HistKey.Bucket(10, 19), new HistKey.Stack(List.of("a+0x1/0x2")),
        new HistKey.Raw("<?>"));
    List<ColumnType> types = List.of(ColumnType.NUMBER, ColumnType.HEX, ColumnType.SYMBOL, ColumnType.EXECNAME,
        ColumnType.SYSCALL, ColumnType.BUCKET, ColumnType.STACK, ColumnType.STRING);
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      columns.add(new Column(keys.get(i).getClass().getSimpleName(), types.get(i), true));
    }
    ResultTable t = new ResultTable(columns, List.of(new Row(keys.stream().map(OutputFormatTest::key).toList(), 1)),
        new Totals(1, 1, 0), List.of());
    StringWriter text = new StringWriter();
    OutputFormat.JSON.write(t, new PrintWriter(text));
    var tree = new ObjectMapper().readTree(text.toString());
    assertThat(tree.get("rows").get(0).toString()).isEqualTo("{\"Number\":18446744073709551615,"
        + "\"Hex\":\"0xffffffff9cd7f19c\","
        + "\"Symbol\":{\"address\":\"0xffffffff9cd7f19c\",\"symbol\":\"single_open_size+0x3c/0xb0\"},"
        + "\"Execname\":{\"comm\":\"sh\",\"pid\":94},\"Syscall\":{\"name\":\"sys_openat\",\"id\":257},"
        + "\"Bucket\":{\"min\":10,\"max\":19},\"Stack\":[\"a+0x1/0x2\"],\"Raw\":\"<?>\"}");
    assertThat(text.toString()).endsWith("}\n").containsOnlyOnce("\n");
  }

  @Test
  void jsonTypesCellsByTheirColumn() throws IOException {
    // A string column of digits stays a string; a hex sum is a "0x.." string like a hex key.
    ResultTable t = new ResultTable(
        List.of(new Column("comm", ColumnType.STRING, true), new Column("bytes", ColumnType.HEX, false),
            new Column("n", ColumnType.NUMBER, false)),
        List.of(new Row(List.of(key(new HistKey.Number(1234)), new Cell.Hex(255), new Cell.Number(3)), 3),
            new Row(List.of(key(new HistKey.Text("sh")), new Cell.Null(), new Cell.Number(1)), 1)),
        new Totals(4, 2, 0), List.of());
    assertThat(write(OutputFormat.JSON, t)).isEqualTo("{\"columns\":[{\"name\":\"comm\",\"type\":\"string\"},"
        + "{\"name\":\"bytes\",\"type\":\"hex\"},{\"name\":\"n\",\"type\":\"number\"}],"
        + "\"rows\":[{\"comm\":\"1234\",\"bytes\":\"0xff\",\"n\":3},{\"comm\":\"sh\",\"bytes\":null,\"n\":1}],"
        + "\"totals\":{\"hits\":4,\"entries\":2,\"dropped\":0}}\n");
    assertThat(write(OutputFormat.CSV, t)).isEqualTo("comm,bytes,n\r\n1234,0xff,3\r\nsh,,1\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void barsForALog2Column(String kernel) throws IOException {
    ResultTable t = CompiledQueries.read(kernel, "log2", CompiledQueries.LOG2);
    assertThat(write(OutputFormat.BARS, t)).isEqualTo(String.join("\n",
        "[0, 1]     1 |@@@@@@@                                             |",
        "(1, 2]     1 |@@@@@@@                                             |",
        "(2, 4]     2 |@@@@@@@@@@@@@@@                                     |",
        "(4, 8]     4 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                      |",
        "(8, 16]    7 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|",
        "(16, 32]   3 |@@@@@@@@@@@@@@@@@@@@@@                              |",
        "(32, 64]   2 |@@@@@@@@@@@@@@@                                     |",
        "(64, 128]  1 |@@@@@@@                                             |",
        "(128, 256] 0 |                                                    |",
        "(256, 512] 0 |                                                    |",
        "(512, 1K]  1 |@@@@@@@                                             |",
        "(1K, 2K]   0 |                                                    |",
        "(2K, 4K]   1 |@@@@@@@                                             |",
        ""));
  }

  @Test
  void barsForLinearBucketsFillGapsOnlyWhenFew() throws IOException {
    ResultTable wide = CompiledQueries.read("6.1", "buckets", CompiledQueries.BUCKETS);
    // 0..4099 in tens would be 410 bars: only the 7 buckets seen are drawn.
    assertThat(write(OutputFormat.BARS, wide).lines().map(l -> l.substring(0, l.indexOf('|')).strip()))
        .containsExactly("[0, 10)      9", "[10, 20)     7", "[30, 40)     3", "[60, 70)     1", "[100, 110)   1",
            "[1000, 1010) 1", "[4090, 4100) 1");
    ResultTable narrow = new ResultTable(List.of(new Column("lat", ColumnType.BUCKET, true)),
        List.of(new Row(List.of(key(new HistKey.Bucket(0, 9))), 2), new Row(List.of(key(new HistKey.Bucket(30, 39))), 1)),
        new Totals(3, 2, 0), List.of());
    assertThat(write(OutputFormat.BARS, narrow)).isEqualTo(String.join("\n",
        "[0, 10)  2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|",
        "[10, 20) 0 |                                                    |",
        "[20, 30) 0 |                                                    |",
        "[30, 40) 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |",
        ""));
  }

  @Test
  void barsPerValueOfTheOtherKeys() throws IOException {
    ResultTable t = new ResultTable(
        List.of(new Column("task", ColumnType.EXECNAME, true), new Column("size", ColumnType.LOG2, true),
            new Column("count", ColumnType.NUMBER, false)),
        List.of(
            new Row(List.of(key(new HistKey.Execname("sh", 9)), key(new HistKey.Log2(12)), new Cell.Number(4)), 4),
            new Row(List.of(key(new HistKey.Execname("ls", 7)), key(new HistKey.Log2(3)), new Cell.Number(1)), 1),
            new Row(List.of(key(new HistKey.Execname("sh", 9)), key(new HistKey.Log2(11)), new Cell.Number(2)), 2)),
        new Totals(7, 3, 0), List.of());
    assertThat(write(OutputFormat.BARS, t)).isEqualTo(String.join("\n",
        "task = sh [9]:",
        "(1K, 2K] 2 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |",
        "(2K, 4K] 4 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|",
        "",
        "task = ls [7]:",
        "(4, 8] 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|",
        ""));
  }

  @Test
  void barsNeedABucketColumn() {
    assertThatThrownBy(() -> write(OutputFormat.BARS, new ResultTable(List.of(new Column("n", ColumnType.NUMBER, true)),
        List.of(), new Totals(0, 0, 0), List.of()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log2() or bucket()");
  }

  @Test
  void formatsByName() {
    assertThat(OutputFormat.named("csv")).isEqualTo(OutputFormat.CSV);
    assertThat(OutputFormat.named("JSON")).isEqualTo(OutputFormat.JSON);
    assertThatThrownBy(() -> OutputFormat.named("xml")).hasMessageContaining("use table, csv, json or bars");
  }
}
