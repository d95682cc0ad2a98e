package dev.ftsql.tracefs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a tracefs {@code error_log} (Linux 5.4+), as {@code tracing_log_err()} prints it:
 *
 * <pre>
 * [  123.456789] hist:sched:sched_switch: error: Couldn't find field
 *   Command: hist:keys=next_pidd
 *                      ^
 * </pre>
 *
 * The caret line is 11 spaces (the width of {@code "  Command: "}) plus the error's position in
 * the command.
 *
 * @param time the {@code [sec.usec]} stamp as printed, which tells equal messages apart
 * @param location {@code hist:SYSTEM:EVENT}, {@code synthetic_events}, {@code event filter parse error}...
 * @param message the kernel's text
 * @param command the command the kernel parsed, possibly cut short
 * @param position the caret's offset in {@code command}, when a caret line was printed
 */
public record ErrorLogEntry(String time, String location, String message, String command, OptionalInt position) {
  private static final Pattern HEAD = Pattern.compile("^\\[\\s*(\\d+\\.\\d+)\\] (.*?): error: (.*)$");
  private static final String COMMAND = "  Command: ";
  private static final Pattern CARET = Pattern.compile("^( *)\\^$");

  /** Every entry of an {@code error_log} text, oldest first. */
  public static List<ErrorLogEntry> parse(String text) {
    List<ErrorLogEntry> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher h = HEAD.matcher(lines[i]);
      if (!h.matches()) {
        continue;
      }
      String command = "";
      OptionalInt position = OptionalInt.empty();
      if (i + 1 < lines.length && lines[i + 1].startsWith(COMMAND)) {
        command = lines[++i].substring(COMMAND.length());
        if (i + 1 < lines.length) {
          Matcher c = CARET.matcher(lines[i + 1]);
          if (c.matches()) {
            i++;
            position = OptionalInt.of(Math.max(0, c.group(1).length() - COMMAND.length()));
          }
        }
      }
      out.add(new ErrorLogEntry(h.group(1), h.group(2), h.group(3), command, position));
    }
    return out;
  }

  /**
   * The entries of {@code after} that {@code before} does not have. The kernel keeps the newest 8
   * and drops the oldest, so "after" need not start with "before".
   */
  public static List<ErrorLogEntry> added(String before, String after) {
    Set<ErrorLogEntry> old = new LinkedHashSet<>(parse(before));
    List<ErrorLogEntry> out = new ArrayList<>();
    for (ErrorLogEntry e : parse(after)) {
      if (!old.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The entry as the kernel printed it, caret and all. */
  public String render() {
    StringBuilder b = new StringBuilder(location).append(": error: ").append(message);
    if (!command.isEmpty()) {
      b.append('\n').append(COMMAND).append(command);
      position.ifPresent(p -> b.append('\n').append(" ".repeat(COMMAND.length() + p)).append('^'));
    }
    return b.toString();
  }
}
