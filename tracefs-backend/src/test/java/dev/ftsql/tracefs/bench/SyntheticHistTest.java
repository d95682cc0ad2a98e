package dev.ftsql.tracefs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.tracefs.hist.HistEntry;
import dev.ftsql.tracefs.hist.HistFile;
import dev.ftsql.tracefs.hist.HistKey;
import dev.ftsql.tracefs.hist.HistParser;
import dev.ftsql.tracefs.hist.Histogram;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark measures a parse that is right: every entry of the synthetic file comes back. */
class SyntheticHistTest {
  @Test
  void theBenchmarksInputParsesCompletely() {
    HistFile file = HistParser.parse(SyntheticHist.generate(HistParserBenchmark.ENTRIES));
    Histogram h = file.find(SyntheticHist.TRIGGER).orElseThrow();
    assertThat(h.entries()).hasSize(HistParserBenchmark.ENTRIES);
    assertThat(h.totals().entries()).isEqualTo(HistParserBenchmark.ENTRIES);
    assertThat(h.entries().stream().mapToLong(HistEntry::hitcount).sum()).isEqualTo(h.totals().hits());
    Set<List<HistKey>> distinct = new HashSet<>();
    for (HistEntry e : h.entries()) {
      distinct.add(e.keys().stream().map(k -> k.value()).toList());
    }
    assertThat(distinct).hasSize(HistParserBenchmark.ENTRIES);
    HistEntry last = h.entries().get(HistParserBenchmark.ENTRIES - 1);
    assertThat(last.keys().get(0).value()).isEqualTo(new HistKey.Execname("ls", 4095));
    assertThat(last.keys().get(1).value()).isEqualTo(new HistKey.Symbol(0xffffffff81007000L, "alloc_pipe_info"));
    assertThat(last.keys().get(2).value()).isEqualTo(new HistKey.Log2(6));
  }
}
