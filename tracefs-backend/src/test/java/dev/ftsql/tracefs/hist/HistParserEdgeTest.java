package dev.ftsql.tracefs.hist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renderings and shapes the captures do not have, written after kernel-hist.md §6. */
class HistParserEdgeTest {

  private static Histogram parseOne(String text) {
    HistFile file = HistParser.parse(text);
    assertThat(file.histograms()).hasSize(1);
    return file.histograms().get(0);
  }

  private static String block(String trigger, String... entries) {
    return "# event histogram\n#\n# trigger info: " + trigger + " [active]\n#\n\n" + String.join("\n", entries)
        + "\n\nTotals:\n    Hits: 7\n    Entries: " + entries.length + "\n    Dropped: 0\n";
  }

  @Test
  void noTriggersOnTheEvent() {
    String text = "# Available triggers:\n# traceon traceoff snapshot stacktrace enable_event disable_event hist\n";
    assertThat(HistParser.parse(text).histograms()).isEmpty();
    assertThat(HistParser.parse("").histograms()).isEmpty();
  }

  @Test
  void aStringKeyOfDigitsIsStillAString() {
    Histogram h = parseOne(block("hist:keys=comm:vals=hitcount:sort=hitcount:size=2048",
        "{ comm: 1234" + " ".repeat(46) + " } hitcount:          7"));
    assertThat(h.entries().get(0).keys().get(0).value()).isEqualTo(new HistKey.Text("1234"));
  }

  @Test
  void stringsMayHoldCommasSpacesAndBraces() {
    Histogram h = parseOne(block("hist:keys=child_comm,parent_comm,common_pid:vals=hitcount:sort=hitcount:size=256",
        "{ child_comm: dconf worker, x}" + " ".repeat(20) + ", parent_comm: a, b }" + " ".repeat(44)
            + ", common_pid:         12 } hitcount:          7"));
    assertThat(h.entries().get(0).keys()).extracting(KeyField::value).containsExactly(
        new HistKey.Text("dconf worker, x}"), new HistKey.Text("a, b }"), new HistKey.Number(12));
  }

  @Test
  void aStringBeforeAKeyTheKernelLabelsItsOwnWay() {
    // Written keys=next_comm,cpu; read back as common_cpu, but each entry says "cpu:".
    Histogram h = parseOne(block("hist:keys=next_comm,common_cpu:vals=hitcount:sort=hitcount:size=2048",
        "{ next_comm: sh" + " ".repeat(48) + ", cpu:          1 } hitcount:          7"));
    assertThat(h.entries().get(0).keys()).containsExactly(
        new KeyField("next_comm", new HistKey.Text("sh")), new KeyField("cpu", new HistKey.Number(1)));
  }

  @Test
  void u64AboveLongMaxKeepsItsBits() {
    Histogram h = parseOne(block("hist:keys=prio:vals=hitcount:sort=hitcount:size=2048",
        "{ prio: 18446744073709551615 } hitcount:          7"));
    HistKey k = h.entries().get(0).keys().get(0).value();
    assertThat(k).isEqualTo(new HistKey.Number(-1L));
    assertThat(k.text()).isEqualTo("18446744073709551615");
  }

  @Test
  void unknownModifierIsKeptRaw() {
    Histogram h = parseOne(block("hist:keys=lat.percpu,pid:vals=hitcount:sort=hitcount:size=2048",
        "{ lat: <something new>    , pid:         12 } hitcount:          7"));
    assertThat(h.entries().get(0).keys()).extracting(KeyField::value)
        .containsExactly(new HistKey.Raw("<something new>"), new HistKey.Number(12));
  }

  @Test
  void aKeyThatDoesNotLookLikeItsRenderingIsKeptRaw() {
    Histogram h = parseOne(block("hist:keys=lat.log2:vals=hitcount:sort=hitcount:size=2048",
        "{ lat: about 2^3 } hitcount:          7"));
    assertThat(h.entries().get(0).keys().get(0).value()).isEqualTo(new HistKey.Raw("about 2^3"));
  }

  @Test
  void withoutATriggerLineRenderingsAreGuessed() {
    String text = "{ common_pid: bash            [      3196], call_site: [ffffffff810adcb9] syslog_print_all"
        + " ".repeat(30) + ", lat: ~ 2^2  } hitcount:        280  count:    1093512\n"
        + "{ id: sys_fsync                     [ 74], child_comm: dconf worker                        ,"
        + " lat: ~ 10-19 } hitcount:          1\n";
    Histogram h = parseOne(text);
    assertThat(h.entries().get(0).keys()).extracting(KeyField::value).containsExactly(
        new HistKey.Execname("bash", 3196), new HistKey.Symbol(0xffffffff810adcb9L, "syslog_print_all"),
        new HistKey.Log2(2));
    assertThat(h.entries().get(0).values()).containsEntry("count", 1093512L);
    assertThat(h.entries().get(1).keys()).extracting(KeyField::value).containsExactly(
        new HistKey.Syscall("sys_fsync", 74), new HistKey.Text("dconf worker"), new HistKey.Bucket(10, 19));
    assertThat(h.totals()).isEqualTo(new Totals(281, 2, 0));
  }

  @Test
  void syntheticStackFieldPrintsItsFirstFrameOnTheKeyLine() {
    Histogram h = parseOne(block("hist:keys=delta.buckets=100,stack.stacktrace:vals=hitcount:sort=delta.buckets=100",
        "{ delta: ~ 0-99, stack.stacktrace         __schedule+0xa19/0x1520\n"
            + "         schedule+0x6b/0x110\n"
            + "         io_schedule+0x46/0x80\n"
            + "} hitcount:          1"));
    assertThat(h.entries().get(0).keys()).containsExactly(
        new KeyField("delta", new HistKey.Bucket(0, 99)),
        new KeyField("stack.stacktrace",
            new HistKey.Stack(List.of("__schedule+0xa19/0x1520", "schedule+0x6b/0x110", "io_schedule+0x46/0x80"))));
    assertThat(h.entries().get(0).hitcount()).isEqualTo(1);
  }

  @Test
  void stackFramesWithModules() {
    Histogram h = parseOne(block("hist:keys=stacktrace:vals=bytes_req,bytes_alloc:sort=bytes_alloc:size=2048",
        "{ stacktrace:\n         __kmalloc_track_caller+0x10b/0x1a0\n         hidraw_report_event+0x8a/0x120 [hid]\n"
            + "} hitcount:          3  bytes_req:         21  bytes_alloc:         24"));
    HistEntry e = h.entries().get(0);
    assertThat(e.keys().get(0).value()).isEqualTo(
        new HistKey.Stack(List.of("__kmalloc_track_caller+0x10b/0x1a0", "hidraw_report_event+0x8a/0x120 [hid]")));
    assertThat(e.values()).isEqualTo(Map.of("bytes_req", 21L, "bytes_alloc", 24L));
  }

  @Test
  void twoHandlersTwoLinesAndUnnamedSavedFields() {
    String entry = "{ next_pid:       2255 } hitcount:        239\n"
        + "\tmax:         27  next_comm: cyclictest                        prev_pid:          0\n"
        + "\tchanged:         10  snd_wnd:      35456";
    Histogram named = parseOne(block(
        "hist:keys=next_pid:vals=hitcount:m=lat,c=cwnd:sort=hitcount:size=2048:onmax($m).save(next_comm,prev_pid)"
            + ":onchange($c).save(snd_wnd)", entry));
    assertThat(named.entries().get(0).tracked()).containsExactly(
        new Tracked(Tracked.Handler.MAX, 27, Map.of("next_comm", "cyclictest", "prev_pid", "0")),
        new Tracked(Tracked.Handler.CHANGED, 10, Map.of("snd_wnd", "35456")));
    Histogram guessed = parseOne("{ next_pid:       2255 } hitcount:        239\n"
        + "\tmax:         27  next_comm: cyclictest                        prev_pid:          0\n");
    assertThat(guessed.entries().get(0).tracked().get(0).saved())
        .containsExactly(Map.entry("next_comm", "cyclictest"), Map.entry("prev_pid", "0"));
  }

  @Test
  void pausedNamedTriggerAndATruncatedFile() {
    Histogram h = parseOne("# trigger info: hist:name=foo:keys=skbaddr.hex:vals=hitcount,len:sort=hitcount:size=2048"
        + " if len == 256 [paused]\n#\n\n{ skbaddr: ffff8881e4f1a300 } hitcount:          2  len:        512\n");
    assertThat(h.trigger().paused()).isTrue();
    assertThat(h.trigger().name()).hasValue("foo");
    assertThat(h.trigger().filter()).hasValue("len == 256");
    assertThat(h.entries().get(0).keys().get(0).value()).isEqualTo(new HistKey.Hex(0xffff8881e4f1a300L));
    assertThat(h.totals()).isEqualTo(new Totals(2, 1, 0));
  }
}
