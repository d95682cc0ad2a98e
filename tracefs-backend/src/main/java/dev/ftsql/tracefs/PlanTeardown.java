package dev.ftsql.tracefs;

import dev.ftsql.tracefs.hist.TriggerInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a recorded plan off a tracefs: the undo line of every change that may be there, latest
 * first, each recorded in the journal as it succeeds. Only recorded changes are undone, so a
 * trigger ftsql did not write is never touched. When everything is undone the journal is removed;
 * otherwise it stays, so that {@code ftsql stop} can try again.
 */
final class PlanTeardown {
  /**
   * @param undone the changes taken back now
   * @param failures one line per change that could not be taken back
   */
  record Result(int undone, List<String> failures) {
    Result {
      failures = List.copyOf(failures);
    }

    boolean clean() {
      return failures.isEmpty();
    }
  }

  private PlanTeardown() {}

  static Result run(Tracefs fs, PlanJournal journal, PlanRecord record) {
    int undone = 0;
    List<String> failures = new ArrayList<>();
    for (int i : record.toUndo()) {
      TracefsChange c = record.changes().get(i);
      boolean confirmed = record.statuses().get(i) == PlanRecord.Status.DONE;
      try {
        if (!confirmed && c.isSyntheticEvent() && !syntheticEventExists(fs, c)) {
          // Announced but never written (the writer died first): nothing to take back.
          journal.undone(i);
          continue;
        }
        c.undo(fs);
        if (c.isTrigger() && stillThere(fs, c)) {
          failures.add(c.undoCommand(fs.root().toString()) + ": the trigger is still on the event afterwards");
          continue;
        }
        journal.undone(i);
        undone++;
      } catch (IOException e) {
        if (!confirmed) {
          // A begun change whose undo fails was most likely never made.
          journal.undone(i);
          continue;
        }
        failures.add(c.undoCommand(fs.root().toString()) + ": " + reason(e));
      }
    }
    if (failures.isEmpty()) {
      journal.delete();
    }
    return new Result(undone, failures);
  }

  static String reason(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.DirectoryNotEmptyException) {
      return "directory not empty";
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static boolean syntheticEventExists(Tracefs fs, TracefsChange c) throws IOException {
    String name = c.line().split("\\s+", 2)[0];
    return SyntheticEvents.names(fs.read(c.path())).contains(name);
  }

  /**
   * Whether the event's trigger file still shows this trigger (compared part by part): a removal
   * that matches nothing succeeds silently. A file that shows the removal line itself is a plain
   * copy of a tracefs, which keeps whatever is appended: nothing to check there.
   */
  private static boolean stillThere(Tracefs fs, TracefsChange c) throws IOException {
    TriggerInfo ours = TriggerInfo.parse(c.line());
    String text = fs.read(c.path());
    if (text.lines().anyMatch(l -> l.equals(c.undoLine()))) {
      return false;
    }
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#") || !line.startsWith("hist")) {
        continue;
      }
      TriggerInfo t = TriggerInfo.parse(line);
      if (t.sameHistogramAs(ours) && t.sameSortAs(ours) && t.sameActionsAs(ours)) {
        return true;
      }
    }
    return false;
  }
}
