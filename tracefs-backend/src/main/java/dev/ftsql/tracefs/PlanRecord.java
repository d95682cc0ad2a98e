package dev.ftsql.tracefs;

import dev.ftsql.plan.PlanOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the state directory knows of one applied plan: who applied it, where, from which SQL, every
 * change it makes and how far each got. Written ahead of every change, so that another process can
 * take the plan down after a crash.
 *
 * @param owner what applied it: {@code run}, {@code start}, {@code sql -e}, {@code library}
 * @param pid the process that applied it
 * @param detached true when no process stays to tear it down ({@code start}, {@code sql -e})
 * @param tracefs where it was applied
 * @param sql the statement, when known; {@code show} compiles it again to read the result
 * @param options the plan options the statement was compiled with
 * @param histFile the result's {@code hist} file, relative to the tracefs root
 * @param trigger the result's trigger text, to pick its histogram in {@code histFile}
 * @param statuses one per change
 */
public record PlanRecord(
    String name,
    String owner,
    long pid,
    boolean detached,
    Instant started,
    Path tracefs,
    Optional<String> instance,
    Optional<String> sql,
    PlanOptions options,
    String histFile,
    String trigger,
    List<TracefsChange> changes,
    List<Status> statuses) {

  /** How far a change got. */
  public enum Status {
    /** Not reached yet. */
    PENDING,
    /** About to be written, or written by a process that died before it could say so. */
    BEGUN,
    /** Written. */
    DONE,
    /** The kernel refused it: nothing to undo. */
    FAILED,
    /** Taken back. */
    UNDONE
  }

  public PlanRecord {
    changes = List.copyOf(changes);
    statuses = List.copyOf(statuses);
    if (statuses.size() != changes.size()) {
      throw new IllegalArgumentException(statuses.size() + " statuses for " + changes.size() + " changes");
    }
  }

  /** The changes that may be in the tracefs now (begun or done, not yet undone), latest first. */
  public List<Integer> toUndo() {
    List<Integer> out = new ArrayList<>();
    for (int i = changes.size() - 1; i >= 0; i--) {
      if (statuses.get(i) == Status.BEGUN || statuses.get(i) == Status.DONE) {
        out.add(i);
      }
    }
    return out;
  }

  public long count(Status status) {
    return statuses.stream().filter(s -> s == status).count();
  }

  /** Whether the owning process still runs (always false for a detached plan). */
  public boolean ownerAlive() {
    return !detached && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** One word for {@code ftsql list}. */
  public String state() {
    if (count(Status.DONE) + count(Status.BEGUN) == 0) {
      return "down";
    }
    if (count(Status.UNDONE) > 0 || count(Status.FAILED) > 0) {
      return "partial";
    }
    if (count(Status.PENDING) > 0 || count(Status.BEGUN) > 0) {
      return detached || ownerAlive() ? "applying" : "partial";
    }
    if (detached) {
      return "applied";
    }
    return ownerAlive() ? "running" : "orphaned";
  }

  PlanRecord withStatus(int index, Status status) {
    List<Status> s = new ArrayList<>(statuses);
    s.set(index, status);
    return new PlanRecord(name, owner, pid, detached, started, tracefs, instance, sql, options, histFile, trigger,
        changes, s);
  }
}
