package dev.ftsql.tracefs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plans recorded in a {@link StateDir}, as {@code ftsql list}, {@code show} and {@code stop}
 * see them from any process.
 */
public final class AppliedPlans {
  private final StateDir state;
  private final Function<java.nio.file.Path, Tracefs> mounts;

  public AppliedPlans(StateDir state) {
    this(state, MountedTracefs::new);
  }

  /** @param mounts opens the tracefs a plan was recorded at (tests pass a fake) */
  public AppliedPlans(StateDir state, Function<java.nio.file.Path, Tracefs> mounts) {
    this.state = state;
    this.mounts = mounts;
  }

  /** The tracefs a recorded plan was applied to. */
  public Tracefs tracefsOf(PlanRecord r) {
    return mounts.apply(r.tracefs());
  }

  public StateDir stateDir() {
    return state;
  }

  public List<PlanRecord> list() {
    return state.list();
  }

  public Optional<PlanRecord> find(String name) {
    return state.find(name);
  }

  /**
   * What one stop did.
   *
   * @param name the plan
   * @param found false when no such plan was recorded (already stopped, or never started)
   * @param undone how many changes were taken back
   * @param failures the changes that could not be taken back (the plan then stays recorded)
   */
  public record Stopped(String name, boolean found, int undone, List<String> failures) {
    public Stopped {
      failures = List.copyOf(failures);
    }

    public boolean clean() {
      return failures.isEmpty();
    }
  }

  /** Takes the named plan down from the tracefs it was applied to. */
  public Stopped stop(String name) {
    Optional<PlanRecord> r = state.find(name);
    if (r.isEmpty()) {
      return new Stopped(name, false, 0, List.of());
    }
    Optional<PlanTeardown.Result> result = teardown(tracefsOf(r.get()), state, name);
    return result.map(t -> new Stopped(name, true, t.undone(), t.failures()))
        .orElse(new Stopped(name, false, 0, List.of()));
  }

  /** Stops every recorded plan, latest started first (a later plan may use an earlier one's event). */
  public List<Stopped> stopAll() {
    List<PlanRecord> all = new ArrayList<>(state.list());
    all.sort((a, b) -> b.started().compareTo(a.started()));
    List<Stopped> out = new ArrayList<>();
    for (PlanRecord r : all) {
      out.add(stop(r.name()));
    }
    return out;
  }

  /** Under the state lock: empty when the plan is not (or no longer) recorded. */
  static Optional<PlanTeardown.Result> teardown(Tracefs fs, StateDir state, String name) {
    try (StateDir.Lock lock = state.lock()) {
      PlanJournal journal = state.journal(name);
      Optional<PlanRecord> record = journal.read();
      return record.map(r -> PlanTeardown.run(fs, journal, r));
    }
  }
}
