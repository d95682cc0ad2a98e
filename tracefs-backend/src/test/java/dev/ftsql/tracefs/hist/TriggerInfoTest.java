package dev.ftsql.tracefs.hist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.tracefs.GoldenHist;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TriggerInfoTest {
  private static final String WRITTEN = "hist:keys=common_pid.execname,bytes_req.log2:vals=bytes_alloc,bytes_req"
      + ":sort=hitcount.descending:ftsql_759f18f7_max=bytes_req:onmax($ftsql_759f18f7_max).save(bytes_req)";

  @Test
  void splitsTheKernelsCanonicalText() {
    TriggerInfo t = TriggerInfo.parse("hist:keys=common_pid.execname,bytes_req.log2:vals=hitcount,bytes_alloc,"
        + "bytes_req:ftsql_759f18f7_max=bytes_req:sort=hitcount.descending:size=2048:clock=global"
        + ":onmax($ftsql_759f18f7_max).save(bytes_req,call_site) if bytes_req > 8 [active]");
    assertThat(t.keys()).containsExactly("common_pid.execname", "bytes_req.log2");
    assertThat(t.values()).containsExactly("hitcount", "bytes_alloc", "bytes_req");
    assertThat(t.variables()).containsExactly("ftsql_759f18f7_max=bytes_req");
    assertThat(t.sort()).containsExactly("hitcount.descending");
    assertThat(t.size()).isEqualTo(OptionalInt.of(2048));
    assertThat(t.options()).containsExactly("clock=global");
    assertThat(t.actions()).containsExactly("onmax($ftsql_759f18f7_max).save(bytes_req,call_site)");
    assertThat(t.filter()).hasValue("bytes_req > 8");
    assertThat(t.paused()).isFalse();
  }

  @Test
  void ftsqlsTextMatchesWhatTheKernelPrintsBack() {
    for (String kernel : GoldenHist.KERNELS) {
      TriggerInfo printed = HistParser.parse(GoldenHist.hist(kernel, "ftsql-kmalloc")).histograms().get(0).trigger();
      assertThat(printed.text()).isNotEqualTo(WRITTEN);
      assertThat(printed.sameHistogramAs(TriggerInfo.parse(WRITTEN))).isTrue();
      assertThat(printed.sameSortAs(TriggerInfo.parse(WRITTEN))).isTrue();
      assertThat(printed.sameActionsAs(TriggerInfo.parse(WRITTEN))).isTrue();
    }
  }

  @Test
  void filterSpacingDoesNotMatterButItsTextDoes() {
    TriggerInfo a = TriggerInfo.parse("hist:keys=pid if prio  <  10");
    assertThat(a.sameHistogramAs(TriggerInfo.parse("hist:keys=pid:vals=hitcount:size=4096 if prio < 10 [active]"))).isTrue();
    assertThat(a.sameHistogramAs(TriggerInfo.parse("hist:keys=pid if prio < 11"))).isFalse();
    assertThat(a.sameHistogramAs(TriggerInfo.parse("hist:keys=pid"))).isFalse();
  }

  @Test
  void keysCompareInOrderValuesAsASet() {
    TriggerInfo t = TriggerInfo.parse("hist:keys=a,b:vals=x,y");
    assertThat(t.sameHistogramAs(TriggerInfo.parse("hist:keys=a,b:vals=hitcount,y,x"))).isTrue();
    assertThat(t.sameHistogramAs(TriggerInfo.parse("hist:keys=b,a:vals=x,y"))).isFalse();
    assertThat(t.sameHistogramAs(TriggerInfo.parse("hist:keys=a,b:vals=x"))).isFalse();
    assertThat(t.sameHistogramAs(TriggerInfo.parse("hist:keys=a.hex,b:vals=x,y"))).isFalse();
  }

  @Test
  void findPrefersTheSameSortThenTheSameActions() {
    String text = String.join("\n\n",
        "# trigger info: hist:keys=pid:vals=hitcount:sort=hitcount:size=2048 [active]\n\n{ pid:          1 } hitcount:          1\n\nTotals:\n    Hits: 1\n    Entries: 1\n    Dropped: 0",
        "# trigger info: hist:keys=pid:vals=hitcount:sort=pid:size=2048 [active]\n\n{ pid:          2 } hitcount:          1\n\nTotals:\n    Hits: 1\n    Entries: 1\n    Dropped: 0",
        "# trigger info: hist:keys=pid:vals=hitcount:m=prio:sort=pid:size=2048:onmax($m).save(comm) [active]\n\n{ pid:          3 } hitcount:          1\n\tmax:          5  comm: x\n\nTotals:\n    Hits: 1\n    Entries: 1\n    Dropped: 0");
    HistFile file = HistParser.parse(text);
    assertThat(file.histograms()).hasSize(3);
    List<Histogram> h = file.histograms();
    assertThat(file.find("hist:keys=pid")).containsSame(h.get(0));
    assertThat(file.find("hist:keys=pid:sort=pid")).containsSame(h.get(1));
    assertThat(file.find("hist:keys=pid:sort=pid:m=prio:onmax($m).save(comm)")).containsSame(h.get(2));
    assertThat(file.find("hist:keys=tid")).isEmpty();
  }
}
