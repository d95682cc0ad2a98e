package dev.ftsql.tracefs.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftsql.tracefs.GoldenHist;
import dev.ftsql.tracefs.hist.HistKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real queries, compiled by the planner, read from what the real kernels printed. */
class ResultReaderGoldenTest {

  private static List<String> texts(Row r) {
    return r.cells().stream().map(Cell::text).toList();
  }

  @Test
  void issueQueryOn61() {
    ResultTable t = CompiledQueries.read("6.1", "kmalloc", CompiledQueries.KMALLOC);
    assertThat(t.columns()).containsExactly(
        new Column("common_pid", ColumnType.EXECNAME, true),
        new Column("log2_bytes_req", ColumnType.LOG2, true),
        new Column("count", ColumnType.NUMBER, false),
        new Column("sum_bytes_alloc", ColumnType.NUMBER, false),
        new Column("avg_bytes_req", ColumnType.DECIMAL, false),
        new Column("max_bytes_req", ColumnType.NUMBER, false));
    // LIMIT 5 of ORDER BY count DESC; the five ls rows with 335 each are ordered by pid.
    assertThat(t.rows()).extracting(ResultReaderGoldenTest::texts).containsExactly(
        List.of("sh [1623]", "2^5", "1002", "32064", "24.05", "32"),
        List.of("ls [1559]", "2^4", "335", "5360", "11.00", "11"),
        List.of("ls [1567]", "2^4", "335", "5360", "11.00", "11"),
        List.of("ls [1575]", "2^4", "335", "5360", "11.00", "11"),
        List.of("ls [1583]", "2^4", "335", "5360", "11.00", "11"));
    assertThat(t.rows().get(0).cell(0)).isEqualTo(new Cell.Key(new HistKey.Execname("sh", 1623)));
    assertThat(t.rows().get(0).cell(4)).isEqualTo(new Cell.Decimal(new BigDecimal("24.05")));
    assertThat(t.totals().hits()).isEqualTo(4496);
    assertThat(t.warnings()).isEmpty();
  }

  @Test
  void issueQueryOn612() {
    ResultTable t = CompiledQueries.read("6.12", "kmalloc", CompiledQueries.KMALLOC);
    assertThat(t.rows()).extracting(ResultReaderGoldenTest::texts).containsExactly(
        List.of("sh [1874]", "2^5", "1043", "33376", "24.05", "32"),
        List.of("ls [1810]", "2^4", "335", "5360", "11.00", "11"),
        List.of("ls [1818]", "2^4", "335", "5360", "11.00", "11"),
        List.of("ls [1826]", "2^4", "335", "5360", "11.00", "11"),
        List.of("ls [1834]", "2^4", "335", "5360", "11.00", "11"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void aggregatesWithoutGroupByGiveOneRowWithoutTheHiddenKey(String kernel) {
    ResultTable t = CompiledQueries.read(kernel, "hidden", CompiledQueries.HIDDEN);
    assertThat(t.columns()).extracting(Column::name).containsExactly("count", "sum_bytes_req");
    assertThat(t.rows()).hasSize(1);
    assertThat(t.rows().get(0).cell(0)).isEqualTo(new Cell.Number(t.totals().hits()));
    assertThat(texts(t.rows().get(0)).get(1)).isEqualTo(kernel.equals("6.1") ? "1126818" : "1148442");
  }

  @Test
  void havingAndAnOrderByTheKernelCannotFullyDo() {
    ResultTable t = CompiledQueries.read("6.1", "having", CompiledQueries.HAVING);
    assertThat(t.columns()).extracting(Column::name, Column::type).containsExactly(
        org.assertj.core.groups.Tuple.tuple("next_comm", ColumnType.STRING),
        org.assertj.core.groups.Tuple.tuple("switches", ColumnType.NUMBER),
        org.assertj.core.groups.Tuple.tuple("avg_prev_prio", ColumnType.DECIMAL));
    // HAVING COUNT(*) > 5 drops kcompactd0 (5), cat, gzip, head, kworker/u4:1; wc and usleep tie at 8.
    assertThat(t.rows()).extracting(r -> r.cell(0).text() + "=" + r.cell(1).text()).containsExactly(
        "rcu_preempt=253", "sh=177", "swapper/1=158", "swapper/0=132", "kworker/0:2=27", "ksoftirqd/0=25",
        "exe=24", "ksoftirqd/1=21", "ls=16", "kworker/1:0=11", "usleep=8", "wc=8");
    assertThat(t.rows()).extracting(r -> r.cell(2).text()).containsOnly("120.00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void syscallsAndSymbolsTopTen(String kernel) {
    ResultTable calls = CompiledQueries.read(kernel, "syscall", CompiledQueries.SYSCALLS);
    assertThat(calls.rows()).hasSize(10);
    assertThat(calls.columns().get(0).type()).isEqualTo(ColumnType.SYSCALL);
    assertThat(calls.rows()).extracting(r -> ((Cell.Number) r.cell(1)).value()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(calls.rows().get(0).cell(0).text()).isEqualTo("sys_openat");
    ResultTable symbols = CompiledQueries.read(kernel, "sym", CompiledQueries.SYMBOLS);
    assertThat(symbols.columns()).extracting(Column::name).containsExactly("call_site", "bytes");
    assertThat(symbols.rows()).hasSize(10);
    assertThat(symbols.rows()).extracting(r -> ((Cell.Number) r.cell(1)).value()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void withoutOrderByRowsFollowTheKeys(String kernel) {
    ResultTable t = CompiledQueries.read(kernel, "log2", CompiledQueries.LOG2);
    assertThat(t.rows()).extracting(r -> r.cell(0).text() + "=" + r.cell(1).text()).containsExactly(
        "2^0=1", "2^1=1", "2^2=2", "2^3=4", "2^4=7", "2^5=3", "2^6=2", "2^7=1", "2^10=1", "2^12=1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void stackColumn(String kernel) {
    ResultTable t = CompiledQueries.read(kernel, "stack", CompiledQueries.STACKS);
    assertThat(t.columns().get(0).type()).isEqualTo(ColumnType.STACK);
    assertThat(t.rows()).hasSize(1);
    assertThat(t.rows().get(0).cell(0).text()).startsWith("__do_sys_clone+0x").contains("\ndo_syscall_64+0x");
    assertThat(t.rows().get(0).cell(1)).isEqualTo(new Cell.Number(65));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void hexKeysAndHexSumsStayHexInEveryFormat(String kernel) throws Exception {
    ResultTable t = CompiledQueries.readCapture(kernel, "hex", CompiledQueries.HEX);
    assertThat(t.columns()).extracting(Column::name, Column::type).containsExactly(
        org.assertj.core.groups.Tuple.tuple("site", ColumnType.HEX),
        org.assertj.core.groups.Tuple.tuple("count", ColumnType.NUMBER),
        org.assertj.core.groups.Tuple.tuple("bytes", ColumnType.HEX));
    // The kernel prints a .hex value as bare hex digits ("bytes_alloc:       8000"): every sum the
    // capture holds must come back as 0x plus those digits, and its number must be their value.
    String hist = GoldenHist.hist(kernel, "hex");
    Matcher m = Pattern.compile("call_site: ([0-9a-f]+) } hitcount: +(\\d+) +bytes_alloc: +([0-9a-f]+)").matcher(hist);
    int seen = 0;
    while (m.find()) {
      String site = "0x" + m.group(1);
      Row row = t.rows().stream().filter(r -> r.cell(0).text().equals(site)).findFirst().orElseThrow();
      assertThat(texts(row)).containsExactly(site, m.group(2), "0x" + m.group(3));
      assertThat(row.cell(2).number()).contains(new BigDecimal(new BigInteger(m.group(3), 16)));
      seen++;
    }
    assertThat(seen).isEqualTo(t.rows().size()).isPositive();
    StringBuilder json = new StringBuilder();
    OutputFormat.JSON.write(t, json);
    JsonNode doc = new ObjectMapper().readTree(json.toString());
    assertThat(doc.get("columns").toString())
        .isEqualTo("[{\"name\":\"site\",\"type\":\"hex\"},{\"name\":\"count\",\"type\":\"number\"},"
            + "{\"name\":\"bytes\",\"type\":\"hex\"}]");
    assertThat(doc.get("rows")).allSatisfy(r -> {
      assertThat(r.get("site").isTextual()).isTrue();
      assertThat(r.get("count").isIntegralNumber()).isTrue();
      assertThat(r.get("bytes").asText()).startsWith("0x");
    });
    StringBuilder csv = new StringBuilder();
    OutputFormat.CSV.write(t, csv);
    assertThat(csv.toString().lines().skip(1)).allMatch(l -> l.matches("0x[0-9a-f]+,\\d+,0x[0-9a-f]+"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void aDynamicStringKeyIsAStringColumn(String kernel) {
    ResultTable t = CompiledQueries.readCapture(kernel, "dynstring", CompiledQueries.FILENAMES);
    assertThat(t.columns().get(0)).isEqualTo(new Column("filename", ColumnType.STRING, true));
    assertThat(t.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.cell(0).text()).startsWith("/"));
  }

  @Test
  void aStringKeyIsAStringColumnEvenWithNoRows() {
    String empty = GoldenHist.hist("6.1", "ftsql-having");
    empty = empty.substring(0, empty.indexOf("\n{ ")) + "\n\nTotals:\n    Hits: 0\n    Entries: 0\n    Dropped: 0\n";
    ResultTable t = ResultReader.read(CompiledQueries.spec("6.1", CompiledQueries.HAVING), empty);
    assertThat(t.rows()).isEmpty();
    assertThat(t.columns().get(0).type()).isEqualTo(ColumnType.STRING);
  }
}
