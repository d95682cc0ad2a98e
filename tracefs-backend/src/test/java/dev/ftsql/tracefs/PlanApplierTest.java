package dev.ftsql.tracefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanApplierTest {
  static final String JOIN =
      "WITH wakeup AS (SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp AS lat"
          + " FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid)"
          + " SELECT comm, log2(lat) AS lat_ns, COUNT(*) FROM wakeup GROUP BY comm, log2(lat)";
  static final String SINGLE =
      "SELECT next_comm, COUNT(*) FROM sched_switch WHERE prev_prio > 100 GROUP BY next_comm";

  static final Compiler COMPILER = new Compiler(CatalogLoader.embedded("6.12"));

  @TempDir Path tmp;
  FakeKernel kernel;
  StateDir state;

  @BeforeEach
  void setUp() throws IOException {
    kernel = new FakeKernel();
    state = new StateDir(tmp.resolve("state"));
  }

  Ftsql ftsql() {
    return Ftsql.open(kernel).withStateDir(state.dir()).withCompiler(COMPILER);
  }

  static List<String> setupWrites(TracePlan plan) {
    List<String> out = new ArrayList<>();
    for (Step s : plan.steps()) {
      out.add((s.global() ? "" : plan.root()) + s.file() + " <- " + s.line());
    }
    return out;
  }

  static List<String> undoWrites(TracePlan plan, int upTo) {
    List<String> out = new ArrayList<>();
    for (int i = upTo - 1; i >= 0; i--) {
      Step s = plan.steps().get(i);
      out.add((s.global() ? "" : plan.root()) + s.file() + " <- " + s.undoLine());
    }
    return out;
  }

  @Test
  void appliesInOrderRecordsAndTearsDownInReverse() {
    TracePlan plan = COMPILER.compile(JOIN, PlanOptions.defaults());
    TracefsSession s = ftsql().apply(JOIN);
    assertThat(kernel.writes()).containsExactlyElementsOf(setupWrites(plan));
    assertThat(kernel.state()).contains("synthetic_events: wakeup\tchar comm[16]; u64 lat");
    PlanRecord r = state.find(s.name()).orElseThrow();
    assertThat(r.statuses()).containsOnly(PlanRecord.Status.DONE);
    assertThat(r.sql()).contains(JOIN);
    assertThat(r.state()).isEqualTo("running");
    assertThat(s.isApplied()).isTrue();

    s.close();
    List<String> expected = new ArrayList<>(setupWrites(plan));
    expected.addAll(undoWrites(plan, plan.steps().size()));
    assertThat(kernel.writes()).containsExactlyElementsOf(expected);
    assertThat(kernel.state()).isEmpty();
    assertThat(state.find(s.name())).isEmpty();
    s.close(); // twice: nothing happens
    assertThat(kernel.writes()).hasSize(expected.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void aRefusalAtStepKUndoesTheEarlierStepsInReverse(int k) {
    kernel.defineSynthetic("other", "u64 x"); // someone else's: must survive untouched
    String before = kernel.state();
    TracePlan plan = COMPILER.compile(JOIN, PlanOptions.defaults());
    String failing = plan.steps().get(k).line();
    kernel.refuse((path, line) -> line.equals(failing), "Couldn't find field", "");

    assertThatThrownBy(() -> ftsql().apply(JOIN))
        .isInstanceOfSatisfying(KernelRefusal.class, e -> {
          assertThat(e.index()).isEqualTo(k);
          assertThat(e.rolledBack()).isTrue();
          assertThat(e.getMessage()).contains("write " + (k + 1) + " of 4").contains("Couldn't find field");
        });
    List<String> expected = new ArrayList<>(setupWrites(plan).subList(0, k + 1));
    expected.addAll(undoWrites(plan, k));
    assertThat(kernel.writes()).containsExactlyElementsOf(expected);
    assertThat(kernel.state()).isEqualTo(before);
    assertThat(state.list()).isEmpty();
  }

  @Test
  void theKernelsCaretLeadsToTheSqlThatMadeThatPart() {
    TracePlan plan = COMPILER.compile(SINGLE, PlanOptions.defaults());
    assertThat(plan.steps()).hasSize(1);
    String line = plan.steps().get(0).line();
    assertThat(line).contains(" if prev_prio > 100");
    kernel.refuse((p, l) -> true, "Field not found", "prev_prio");

    KernelRefusal e = catchRefusal(() -> ftsql().apply(SINGLE));
    assertThat(e.position()).hasValue(line.indexOf("prev_prio"));
    SourceSpan span = e.span().orElseThrow();
    assertThat(SINGLE.substring(span.start(), span.end())).startsWith("prev_prio");
    String rendered = e.render(SINGLE);
    assertThat(rendered).contains("Field not found")
        .contains("  " + line + "\n  " + " ".repeat(line.indexOf("prev_prio")) + "^")
        .contains("from this part of the query:")
        .contains("nothing had been written before it; the tracefs is unchanged");
    // The SQL caret sits under WHERE's condition.
    String[] lines = rendered.split("\n");
    String caret = lines[lines.length - 2];
    assertThat(caret.indexOf('^')).isEqualTo(2 + SINGLE.indexOf("prev_prio"));
  }

  @Test
  void aCaretInAJoinTriggerPointsAtTheJoinColumn() {
    TracePlan plan = COMPILER.compile(JOIN, PlanOptions.defaults());
    // Joins write: synthetic event, its histogram, the start trigger, then the end trigger.
    Step last = plan.steps().get(3);
    assertThat(last.line()).startsWith("hist:keys=next_pid:");
    kernel.refuse((p, l) -> l.equals(last.line()), "Couldn't find field", "next_pid");
    KernelRefusal e = catchRefusal(() -> ftsql().apply(JOIN));
    SourceSpan span = e.span().orElseThrow();
    assertThat(JOIN.substring(span.start(), span.end())).contains("next_pid");
    assertThat(e.render(JOIN)).contains("rolled back: the 3 earlier writes were undone");
  }

  @Test
  void aSilentRefusalPointsAtTheWholeLine() {
    TracePlan plan = COMPILER.compile(SINGLE, PlanOptions.defaults());
    kernel.refuseSilently((p, l) -> true);
    KernelRefusal e = catchRefusal(() -> ftsql().apply(SINGLE));
    assertThat(e.errorLog()).isEmpty();
    assertThat(e.position()).isEmpty();
    assertThat(e.getMessage()).contains("Invalid argument (the kernel logged no reason)");
    assertThat(e.span()).isPresent();
    assertThat(plan.steps()).hasSize(1);
  }

  @Test
  void anotherWritersErrorIsNotTakenForOurs() {
    String otherLog = "[  10.000001] hist:kmem:kmalloc: error: Couldn't find field\n  Command: hist:keys=x\n"
        + "                    ^\n";
    TracefsChange c = TracefsChange.append("events/sched/sched_switch/trigger", "hist:keys=next_comm", "!hist:keys=next_comm");
    assertThat(PlanApplier.pickEntry(c, java.util.Map.of("error_log", ""), java.util.Map.of("error_log", otherLog)))
        .isEmpty();
  }

  @Test
  void aTakenSyntheticEventNameIsRefusedBeforeAnyWrite() {
    kernel.defineSynthetic("wakeup", "u64 lat");
    assertThatThrownBy(() -> ftsql().apply(JOIN))
        .isInstanceOf(TracefsException.class)
        .hasMessageContaining("the synthetic event name 'wakeup' is taken, by a synthetic event ftsql did not create")
        .hasMessageContaining("nothing was written");
    assertThat(kernel.writes()).isEmpty();
    assertThat(state.list()).isEmpty();
  }

  @Test
  void aNameTakenByAnotherFtsqlPlanSaysWhichAndHowToStopIt() {
    TracefsSession first = ftsql().apply(JOIN);
    String other = JOIN.replace("COUNT(*)", "COUNT(*) AS n");
    int writes = kernel.writes().size();
    assertThatThrownBy(() -> ftsql().apply(other))
        .hasMessageContaining("is taken, by ftsql plan '" + first.name() + "'")
        .hasMessageContaining("'ftsql stop " + first.name() + "' removes it");
    assertThatThrownBy(() -> ftsql().apply(JOIN))
        .hasMessageContaining("a plan named '" + first.name() + "' is already applied");
    assertThat(kernel.writes()).hasSize(writes);
    first.close();
    assertThat(kernel.state()).isEmpty();
  }

  @Test
  void aMissingInstanceIsMadeAndRemovedAgain() {
    PlanOptions o = PlanOptions.defaults().withInstance("ftsqlt");
    TracefsSession s = ftsql().apply(SINGLE, o);
    assertThat(kernel.writes()).containsExactly(
        "instances/ftsqlt/events/sched/sched_switch/trigger <- hist:keys=next_comm if prev_prio > 100");
    assertThat(kernel.state()).contains("instance: ftsqlt");
    s.close();
    assertThat(kernel.state()).isEmpty();
  }

  @Test
  void readsTheResultThroughTheResultReader() {
    TracefsSession s = ftsql().apply(SINGLE);
    kernel.setHist("events/sched/sched_switch/hist", "# event histogram\n#\n"
        + "# trigger info: hist:keys=next_comm:vals=hitcount:sort=hitcount:size=2048 if prev_prio > 100 [active]\n#\n\n"
        + "{ next_comm: yes                                   } hitcount:          7\n"
        + "{ next_comm: sh                                    } hitcount:          2\n\n"
        + "Totals:\n    Hits: 9\n    Entries: 2\n    Dropped: 0\n");
    var t = s.read();
    assertThat(t.columns()).extracting(c -> c.name()).containsExactly("next_comm", "count");
    assertThat(t.rows()).hasSize(2);
    s.close();
  }

  static KernelRefusal catchRefusal(Runnable r) {
    try {
      r.run();
    } catch (KernelRefusal e) {
      return e;
    }
    throw new AssertionError("no KernelRefusal");
  }

  @Test
  void explicitPathsAndOptionsAreRecorded() {
    PlanOptions o = PlanOptions.defaults().withName("lat").withSize(4096);
    TracefsSession s = ftsql().apply(JOIN, o);
    PlanRecord r = state.find("lat").orElseThrow();
    assertThat(r.options()).isEqualTo(o);
    assertThat(r.tracefs()).isEqualTo(kernel.root());
    assertThat(r.histFile()).isEqualTo("events/synthetic/lat/hist");
    assertThat(ftsql().attach("lat")).isPresent();
    s.close();
    assertThat(ftsql().attach("lat")).isEmpty();
  }
}
