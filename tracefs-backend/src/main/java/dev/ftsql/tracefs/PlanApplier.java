package dev.ftsql.tracefs;

import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.SourceSpan;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies a {@link TracePlan} to a live tracefs as one transaction: checks that its names are free,
 * records every change in the state directory, then writes the lines in order, each announced in
 * the journal first. On the first refusal it reads what the write added to {@code error_log}, maps
 * the kernel's caret back to the SQL, undoes the earlier writes in reverse order and throws a
 * {@link KernelRefusal}: the tracefs is left as it was.
 */
public final class PlanApplier {
  private final Tracefs fs;
  private final StateDir state;

  public PlanApplier(Tracefs fs, StateDir state) {
    this.fs = fs;
    this.state = state;
  }

  /**
   * Who applies a plan, for {@code ftsql list}.
   *
   * @param kind {@code run}, {@code start}, {@code sql -e}, {@code library}
   * @param detached true when no process stays to tear the plan down
   */
  public record Owner(String kind, long pid, boolean detached) {
    public static Owner thisProcess(String kind, boolean detached) {
      return new Owner(kind, ProcessHandle.current().pid(), detached);
    }
  }

  /**
   * Applies {@code plan}; the record of what was written stays in the state directory until the
   * plan is torn down.
   *
   * @param sql the statement, recorded so that {@code ftsql show} can read the result
   * @param options what the statement was compiled with
   */
  public PlanRecord apply(TracePlan plan, Optional<String> sql, PlanOptions options, Owner owner) {
    try (StateDir.Lock lock = state.lock()) {
      refuseTakenNames(plan);
      List<TracefsChange> changes = changes(plan);
      List<PlanRecord.Status> statuses = new ArrayList<>();
      changes.forEach(c -> statuses.add(PlanRecord.Status.PENDING));
      PlanRecord record = new PlanRecord(plan.name(), owner.kind(), owner.pid(), owner.detached(), Instant.now(),
          fs.root(), plan.instance(), sql, options, plan.root() + plan.result().histFile(),
          plan.result().trigger(), changes, statuses);
      PlanJournal journal = state.journal(plan.name());
      PlanJournal.create(journal.file(), record);
      return write(plan, record, journal);
    }
  }

  /** The plan's steps as changes on this tracefs; first the instance directory, if missing. */
  List<TracefsChange> changes(TracePlan plan) {
    List<TracefsChange> out = new ArrayList<>();
    plan.instance().ifPresent(i -> {
      if (!fs.exists("instances/" + i)) {
        out.add(TracefsChange.mkdir("instances/" + i));
      }
    });
    for (Step s : plan.steps()) {
      out.add(TracefsChange.append((s.global() ? "" : plan.root()) + s.file(), s.line(), s.undoLine()));
    }
    return out;
  }

  private PlanRecord write(TracePlan plan, PlanRecord record, PlanJournal journal) {
    List<TracefsChange> changes = record.changes();
    int offset = changes.size() - plan.steps().size();
    for (int i = 0; i < changes.size(); i++) {
      TracefsChange c = changes.get(i);
      Map<String, String> logsBefore = errorLogs(plan);
      try {
        journal.begin(i);
      } catch (TracefsException e) {
        rollBack(journal);
        throw e;
      }
      try {
        c.apply(fs);
      } catch (IOException e) {
        journal.failed(i);
        Map<String, String> logsAfter = errorLogs(plan);
        PlanTeardown.Result rollback = rollBack(journal);
        Optional<Step> step = i >= offset ? Optional.of(plan.steps().get(i - offset)) : Optional.empty();
        throw refusal(c, i, changes.size(), e, step, logsBefore, logsAfter, rollback, journal, plan.name());
      }
      journal.done(i);
      record = record.withStatus(i, PlanRecord.Status.DONE);
    }
    return record;
  }

  private PlanTeardown.Result rollBack(PlanJournal journal) {
    PlanRecord now = journal.read().orElseThrow(() -> new TracefsException("the state file "
        + journal.file() + " disappeared while the plan was being applied"));
    return PlanTeardown.run(fs, journal, now);
  }

  private KernelRefusal refusal(TracefsChange c, int index, int total, IOException e, Optional<Step> step,
      Map<String, String> before, Map<String, String> after, PlanTeardown.Result rollback, PlanJournal journal,
      String name) {
    Optional<ErrorLogEntry> entry = pickEntry(c, before, after);
    OptionalInt position = OptionalInt.empty();
    if (entry.isPresent() && entry.get().position().isPresent() && !entry.get().command().isEmpty()) {
      int at = c.line().indexOf(entry.get().command());
      if (at >= 0) {
        position = OptionalInt.of(at + entry.get().position().getAsInt());
      }
    }
    Optional<SourceSpan> span = Optional.empty();
    if (step.isPresent()) {
      PartLayout layout = PartLayout.of(step.get());
      span = position.isPresent()
          ? layout.at(position.getAsInt()).map(p -> p.origin()).or(layout::whole)
          : layout.whole();
    }
    return new KernelRefusal(c, index, total, PlanTeardown.reason(e), entry, position, span, rollback.undone(),
        rollback.failures(), journal.file().toString(), name);
  }

  /**
   * The entry this write added: one whose command is part of the line, else the newest new entry
   * from the same place ({@code hist:SYSTEM:EVENT} or {@code synthetic_events}). Other writers'
   * entries are not taken for ours.
   */
  static Optional<ErrorLogEntry> pickEntry(TracefsChange c, Map<String, String> before, Map<String, String> after) {
    List<ErrorLogEntry> added = new ArrayList<>();
    after.forEach((file, text) -> added.addAll(ErrorLogEntry.added(before.getOrDefault(file, ""), text)));
    for (ErrorLogEntry e : added) {
      if (!e.command().isEmpty() && c.line().contains(e.command())) {
        return Optional.of(e);
      }
    }
    String location = location(c);
    Optional<ErrorLogEntry> last = Optional.empty();
    for (ErrorLogEntry e : added) {
      if (e.location().equals(location) || e.location().equals("event filter parse error")) {
        last = Optional.of(e);
      }
    }
    return last;
  }

  private static String location(TracefsChange c) {
    if (c.isSyntheticEvent()) {
      return "synthetic_events";
    }
    String[] p = c.path().split("/");
    int events = List.of(p).indexOf("events");
    return events >= 0 && events + 2 < p.length ? "hist:" + p[events + 1] + ":" + p[events + 2] : c.path();
  }

  /** The top-level error_log and the instance's (synthetic events log at the top level). */
  private Map<String, String> errorLogs(TracePlan plan) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> files = new ArrayList<>(List.of("error_log"));
    plan.instance().ifPresent(i -> files.add("instances/" + i + "/error_log"));
    for (String f : files) {
      try {
        if (fs.exists(f)) {
          out.put(f, fs.read(f));
        }
      } catch (IOException e) {
        // error_log is only an aid (5.4+); without it the refusal still names the line and errno.
      }
    }
    return out;
  }

  /**
   * Refuses, before any write, a plan that another applied plan of the same name holds, or whose
   * synthetic event name is taken, saying by what.
   */
  void refuseTakenNames(TracePlan plan) {
    Optional<PlanRecord> same = state.find(plan.name());
    if (same.isPresent()) {
      throw new TracefsException("a plan named '" + plan.name() + "' is already applied (" + describe(same.get())
          + "): stop it with 'ftsql stop " + plan.name() + "', or name this one differently with -n");
    }
    List<String> wanted = new ArrayList<>();
    for (Step s : plan.steps()) {
      if (s instanceof Step.CreateSyntheticEvent e) {
        wanted.add(e.name());
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    Map<String, String> existing;
    try {
      existing = fs.exists("synthetic_events") ? SyntheticEvents.definitions(fs.read("synthetic_events")) : Map.of();
    } catch (IOException e) {
      throw new TracefsException("cannot read " + fs.root().resolve("synthetic_events") + ": " + e.getMessage(), e);
    }
    for (String name : wanted) {
      if (existing.containsKey(name)) {
        throw new TracefsException("the synthetic event name '" + name + "' is taken, " + takenBy(name)
            + ": " + existing.get(name) + "\nnothing was written; choose another name with -n");
      }
      if (fs.exists("events/synthetic/" + name)) {
        throw new TracefsException("the event name synthetic/" + name
            + " is taken by a dynamic event ftsql did not create; nothing was written; choose another name with -n");
      }
    }
  }

  private String takenBy(String name) {
    for (PlanRecord r : state.list()) {
      for (int i = 0; i < r.changes().size(); i++) {
        TracefsChange c = r.changes().get(i);
        if (c.isSyntheticEvent() && c.line().split("\\s+", 2)[0].equals(name)
            && r.statuses().get(i) != PlanRecord.Status.UNDONE && r.statuses().get(i) != PlanRecord.Status.FAILED) {
          return "by ftsql plan '" + r.name() + "' (" + describe(r) + "; 'ftsql stop " + r.name() + "' removes it)";
        }
      }
    }
    return "by a synthetic event ftsql did not create";
  }

  static String describe(PlanRecord r) {
    return r.owner() + (r.detached() ? "" : ", pid " + r.pid()) + ", " + r.state() + " since " + r.started();
  }
}
