package dev.ftsql.tracefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The state directory: written ahead of every tracefs write, so a crash can always be cleaned up. */
class JournalTest {
  @TempDir Path tmp;
  FakeKernel kernel;
  StateDir state;

  @BeforeEach
  void setUp() throws IOException {
    kernel = new FakeKernel();
    state = new StateDir(tmp.resolve("state"));
  }

  /** Dies (like kill -9) on the k-th write: before it reaches the kernel, or right after. */
  static final class Dying implements Tracefs {
    static final class Killed extends Error {
      private static final long serialVersionUID = 1L;
    }

    final Tracefs inner;
    final int k;
    final boolean afterWrite;
    int writes;

    Dying(Tracefs inner, int k, boolean afterWrite) {
      this.inner = inner;
      this.k = k;
      this.afterWrite = afterWrite;
    }

    @Override
    public Path root() {
      return inner.root();
    }

    @Override
    public String read(String path) throws IOException {
      return inner.read(path);
    }

    @Override
    public boolean exists(String path) {
      return inner.exists(path);
    }

    @Override
    public void append(String path, String line) throws IOException {
      if (writes++ == k) {
        if (afterWrite) {
          inner.append(path, line);
        }
        throw new Killed();
      }
      inner.append(path, line);
    }

    @Override
    public void mkdir(String path) throws IOException {
      inner.mkdir(path);
    }

    @Override
    public void rmdir(String path) throws IOException {
      inner.rmdir(path);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 10, 11, 12, 13})
  void aWriterKilledAtAnyPointIsCleanedUpByStopFromElsewhere(int at) {
    int k = at % 10;
    boolean after = at >= 10;
    String before = kernel.state();
    Ftsql dying = Ftsql.open(new Dying(kernel, k, after)).withStateDir(state.dir())
        .withCompiler(PlanApplierTest.COMPILER)
        .withOwner(new PlanApplier.Owner("run", 999_999_999L, false));
    try {
      dying.apply(PlanApplierTest.JOIN);
    } catch (Dying.Killed e) {
      // the process is gone; its journal stays
    }
    PlanRecord r = state.list().get(0);
    assertThat(r.statuses().get(k)).isEqualTo(PlanRecord.Status.BEGUN);
    assertThat(r.state()).isEqualTo("partial");

    AppliedPlans plans = new AppliedPlans(state, p -> kernel);
    AppliedPlans.Stopped s = plans.stop(r.name());
    assertThat(s.found()).isTrue();
    assertThat(s.clean()).isTrue();
    assertThat(kernel.state()).isEqualTo(before);
    assertThat(state.list()).isEmpty();

    AppliedPlans.Stopped again = plans.stop(r.name());
    assertThat(again.found()).isFalse();
    assertThat(kernel.state()).isEqualTo(before);
  }

  @Test
  void aRunWhoseProcessIsGoneIsOrphanedAndStopAllTakesEveryPlanDown() {
    Ftsql crashed = Ftsql.open(kernel).withStateDir(state.dir()).withCompiler(PlanApplierTest.COMPILER)
        .withOwner(new PlanApplier.Owner("run", 999_999_999L, false));
    crashed.apply(PlanApplierTest.JOIN);
    Ftsql started = Ftsql.open(kernel).withStateDir(state.dir()).withCompiler(PlanApplierTest.COMPILER)
        .withOwner(PlanApplier.Owner.thisProcess("start", true));
    started.apply(PlanApplierTest.SINGLE);
    assertThat(state.list()).extracting(PlanRecord::state).containsExactlyInAnyOrder("orphaned", "applied");

    List<AppliedPlans.Stopped> stopped = new AppliedPlans(state, p -> kernel).stopAll();
    assertThat(stopped).hasSize(2).allMatch(AppliedPlans.Stopped::clean);
    assertThat(kernel.state()).isEmpty();
    assertThat(new AppliedPlans(state, p -> kernel).stopAll()).isEmpty();
  }

  @Test
  void aFailedUndoKeepsThePlanRecordedForAnotherTry() {
    TracefsSession s = Ftsql.open(kernel).withStateDir(state.dir()).withCompiler(PlanApplierTest.COMPILER)
        .apply(PlanApplierTest.JOIN);
    // Someone puts a histogram on our synthetic event: it cannot be deleted while that is there.
    String foreign = "hist:keys=lat";
    try {
      kernel.append("events/synthetic/wakeup/trigger", foreign);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    AppliedPlans plans = new AppliedPlans(state, p -> kernel);
    AppliedPlans.Stopped first = plans.stop(s.name());
    assertThat(first.clean()).isFalse();
    assertThat(first.failures()).singleElement().asString()
        .contains("echo '!wakeup' >> ").contains("Device or resource busy");
    assertThat(kernel.state()).contains(foreign).contains("synthetic_events: wakeup");
    PlanRecord r = state.find(s.name()).orElseThrow();
    assertThat(r.toUndo()).hasSize(1);

    try {
      kernel.append("events/synthetic/wakeup/trigger", "!" + foreign);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    AppliedPlans.Stopped second = plans.stop(s.name());
    assertThat(second.clean()).isTrue();
    assertThat(second.undone()).isEqualTo(1);
    assertThat(kernel.state()).isEmpty();
  }

  @Test
  void recordsRoundTripWithAwkwardText() {
    TracePlan plan = PlanApplierTest.COMPILER.compile(PlanApplierTest.SINGLE, PlanOptions.defaults());
    PlanRecord r = new PlanRecord(plan.name(), "sql -e", 42, true, Instant.parse("2026-01-02T03:04:05Z"),
        Path.of("/sys/kernel/tracing"), Optional.of("inst"), Optional.of("SELECT 'a\tb'\nFROM x \\ y"),
        PlanOptions.defaults().withSize(128).withInstance("inst"), "events/x/hist", "hist:keys=x",
        List.of(TracefsChange.mkdir("instances/inst"),
            TracefsChange.append("events/sched/sched_switch/trigger", "hist:keys=a if b == \"c\\d\"", "!x")),
        List.of(PlanRecord.Status.PENDING, PlanRecord.Status.PENDING));
    Path file = tmp.resolve("p.plan");
    PlanJournal j = PlanJournal.create(file, r);
    assertThat(j.read()).contains(r);
    j.begin(0);
    j.done(0);
    j.begin(1);
    assertThat(j.read().orElseThrow().statuses()).containsExactly(PlanRecord.Status.DONE, PlanRecord.Status.BEGUN);
  }

  @Test
  void aLineCutShortByACrashIsIgnored() throws IOException {
    Path file = tmp.resolve("x.plan");
    Files.writeString(file, "ftsql-journal\t1\nname\tx\ntracefs\t/t\n"
        + "change\t0\tappend\tsynthetic_events\tx u64 a\t!x\nbegin\t0\ndo");
    PlanRecord r = PlanJournal.at(file).read().orElseThrow();
    assertThat(r.statuses()).containsExactly(PlanRecord.Status.BEGUN);
    assertThat(r.toUndo()).containsExactly(0);
  }

  @Test
  void aFileCutShortInItsHeaderHasNothingToUndo() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("s"));
    Files.writeString(dir.resolve("cut.plan"), "ftsql-journal\t1\nname\tcut\nown");
    StateDir s = new StateDir(dir);
    assertThat(s.find("cut")).hasValueSatisfying(r -> assertThat(r.toUndo()).isEmpty());
    assertThat(new AppliedPlans(s, p -> kernel).stop("cut").clean()).isTrue();
    assertThat(s.list()).isEmpty();
  }
}
