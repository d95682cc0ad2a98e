package dev.ftsql.tracefs.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ftsql.tracefs.hist.HistKey;
import dev.ftsql.tracefs.hist.Totals;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void fromLog2Buckets(String kernel) {
    // The 23 writes: 1..13, 15, 16, 17, 31, 32, 33, 64, 100, 1000, 4096 bytes. True p50 is 12.
    Percentiles p = Percentiles.of(CompiledQueries.read(kernel, "log2", CompiledQueries.LOG2)).orElseThrow();
    assertThat(p.column()).isEqualTo("size");
    assertThat(p.samples()).isEqualTo(23);
    // rank 11.5 falls in (8, 16] = 9..16 after 8 samples: 9 + 3.5/7 * 7.
    assertThat(p.p50()).isCloseTo(12.5, within(1e-9));
    // rank 20.7 falls in (64, 128] = 65..128 after 20: 65 + 0.7 * 63.
    assertThat(p.p90()).isCloseTo(109.1, within(1e-9));
    // rank 22.77 falls in (2K, 4K] = 2049..4096 after 22: 2049 + 0.77 * 2047.
    assertThat(p.p99()).isCloseTo(3625.19, within(1e-9));
  }

  @Test
  void fromLinearBuckets() {
    Percentiles p = Percentiles.of(CompiledQueries.read("6.12", "buckets", CompiledQueries.BUCKETS)).orElseThrow();
    assertThat(p.p50()).isCloseTo(10 + 2.5 / 7 * 9, within(1e-9));
    assertThat(p.p90()).isCloseTo(100 + 0.7 * 9, within(1e-9));
    assertThat(p.p99()).isCloseTo(4090 + 0.77 * 9, within(1e-9));
  }

  @Test
  void rowsOfOneBucketAddUpAndOtherColumnsAreRefused() {
    List<Column> columns = List.of(new Column("pid", ColumnType.NUMBER, true), new Column("lat", ColumnType.LOG2, true));
    ResultTable t = new ResultTable(columns, List.of(
        new Row(List.of(new Cell.Key(new HistKey.Number(1)), new Cell.Key(new HistKey.Log2(1))), 1),
        new Row(List.of(new Cell.Key(new HistKey.Number(2)), new Cell.Key(new HistKey.Log2(1))), 2),
        new Row(List.of(new Cell.Key(new HistKey.Number(3)), new Cell.Key(new HistKey.Log2(3))), 1)),
        new Totals(4, 3, 0), List.of());
    Percentiles p = Percentiles.of(t).orElseThrow();
    assertThat(p.samples()).isEqualTo(4);
    assertThat(p.p50()).isEqualTo(2.0); // (1, 2] holds only 2
    assertThat(p.p99()).isCloseTo(5 + 0.96 * 3, within(1e-9));
    assertThatThrownBy(() -> Percentiles.of(t, "pid")).hasMessageContaining("not a log2() or bucket() column");
    ResultTable empty = new ResultTable(columns, List.of(), new Totals(0, 0, 0), List.of());
    assertThat(Percentiles.of(empty)).isEmpty();
  }
}
