package dev.ftsql.export;

import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rendering of a plan's writes: which file of tracefs gets which line. {@code ftsql sql}
 * prints them as {@code echo '<line>' >> <mount>/<file>}; the BusyBox script ({@link
 * BusyBoxScript}) takes the same {@link Write}s and appends them to the tracefs it finds. Always
 * {@code >>}: a {@code >} on a trigger file removes the event's other triggers, and on
 * synthetic_events every synthetic event.
 */
public final class EchoLines {
  /** Where tracefs is mounted on any kernel since 4.1. */
  public static final String DEFAULT_MOUNT = "/sys/kernel/tracing";

  private EchoLines() {}

  /**
   * One write of a plan.
   *
   * @param step the step it sets up or undoes
   * @param file relative to the tracefs root: the plan's instance directory is already in it,
   *     except for global files ({@code synthetic_events})
   * @param line the exact line appended to the file
   */
  public record Write(Step step, String file, String line) {}

  /** The setup writes, in plan order. */
  public static List<Write> setupWrites(TracePlan plan) {
    List<Write> out = new ArrayList<>();
    for (Step s : plan.steps()) {
      out.add(new Write(s, file(plan, s), s.line()));
    }
    return out;
  }

  /** The undo writes, in teardown (reverse) order. */
  public static List<Write> teardownWrites(TracePlan plan) {
    List<Write> out = new ArrayList<>();
    for (Step s : plan.teardownOrder()) {
      out.add(new Write(s, file(plan, s), s.undoLine()));
    }
    return out;
  }

  public static List<String> setup(TracePlan plan, String mount) {
    return echoes(setupWrites(plan), mount);
  }

  public static List<String> teardown(TracePlan plan, String mount) {
    return echoes(teardownWrites(plan), mount);
  }

  public static String echo(String line, String path) {
    // dash's echo (Debian's /bin/sh) expands backslashes even inside quotes; printf '%s\n' never does.
    String write = line.indexOf('\\') >= 0 ? "printf '%s\\n' " : "echo ";
    return write + ShellQuote.quote(line) + " >> " + ShellQuote.quoteIfNeeded(path);
  }

  /** A step's file relative to the tracefs root. */
  public static String file(TracePlan plan, Step s) {
    return (s.global() ? "" : plan.root()) + s.file();
  }

  private static List<String> echoes(List<Write> writes, String mount) {
    String m = mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
    List<String> out = new ArrayList<>();
    for (Write w : writes) {
      out.add(echo(w.line(), m + "/" + w.file()));
    }
    return out;
  }
}
