package dev.ftsql.export;

import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The one shell rendering of a plan's writes: {@code echo '<line>' >> <mount>/<root><file>}. Always
 * {@code >>}: a {@code >} on a trigger file removes the event's other triggers, and on
 * synthetic_events every synthetic event. {@code ftsql sql} prints these, and the BusyBox script
 * embeds the same lines.
 */
public final class EchoLines {
  /** Where tracefs is mounted on any kernel since 4.1. */
  public static final String DEFAULT_MOUNT = "/sys/kernel/tracing";

  private EchoLines() {}

  public static List<String> setup(TracePlan plan, String mount) {
    List<String> out = new ArrayList<>();
    for (Step s : plan.steps()) {
      out.add(echo(s.line(), path(plan, s, mount)));
    }
    return out;
  }

  public static List<String> teardown(TracePlan plan, String mount) {
    List<String> out = new ArrayList<>();
    for (Step s : plan.teardownOrder()) {
      out.add(echo(s.undoLine(), path(plan, s, mount)));
    }
    return out;
  }

  public static String echo(String line, String path) {
    return "echo " + ShellQuote.quote(line) + " >> " + ShellQuote.quoteIfNeeded(path);
  }

  static String path(TracePlan plan, Step s, String mount) {
    String m = mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
    return m + "/" + (s.global() ? "" : plan.root()) + s.file();
  }
}
