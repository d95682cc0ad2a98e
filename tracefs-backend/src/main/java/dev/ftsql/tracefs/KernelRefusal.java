package dev.ftsql.tracefs;

import dev.ftsql.sql.Caret;
import dev.ftsql.sql.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel refused one of a plan's writes. Carries what the kernel said (the errno, and the
 * {@code error_log} entry the write added, if any), where in the line it pointed, the SQL that
 * produced that part of the line, and how the rollback of the earlier writes went.
 */
public final class KernelRefusal extends TracefsException {
  private static final long serialVersionUID = 1L;

  private final transient TracefsChange change;
  private final int index;
  private final int total;
  private final String errno;
  private final transient Optional<ErrorLogEntry> entry;
  private final transient OptionalInt position;
  private final transient Optional<SourceSpan> span;
  private final int undone;
  private final transient List<String> rollbackFailures;
  private final String stateFile;
  private final String planName;

  KernelRefusal(
      TracefsChange change,
      int index,
      int total,
      String errno,
      Optional<ErrorLogEntry> entry,
      OptionalInt position,
      Optional<SourceSpan> span,
      int undone,
      List<String> rollbackFailures,
      String stateFile,
      String planName) {
    super(headline(change, index, total, errno, entry));
    this.change = change;
    this.index = index;
    this.total = total;
    this.errno = errno;
    this.entry = entry;
    this.position = position;
    this.span = span;
    this.undone = undone;
    this.rollbackFailures = List.copyOf(rollbackFailures);
    this.stateFile = stateFile;
    this.planName = planName;
  }

  private static String headline(
      TracefsChange change, int index, int total, String errno, Optional<ErrorLogEntry> entry) {
    String why = entry.map(ErrorLogEntry::message).orElse(errno + " (the kernel logged no reason)");
    return "the kernel refused write " + (index + 1) + " of " + total + " (" + change.path() + "): " + why;
  }

  /** The change that failed. */
  public TracefsChange change() {
    return change;
  }

  /** Its position in the plan's changes, from 0. */
  public int index() {
    return index;
  }

  /** What {@code write(2)} returned, e.g. {@code Invalid argument}. */
  public String errno() {
    return errno;
  }

  /** The {@code error_log} entry the write added, if the kernel wrote one. */
  public Optional<ErrorLogEntry> errorLog() {
    return entry;
  }

  /** Where the kernel's caret points in {@link TracefsChange#line()}. */
  public OptionalInt position() {
    return position;
  }

  /** The SQL behind the part of the line the kernel pointed at (the whole line's without a caret). */
  public Optional<SourceSpan> span() {
    return span;
  }

  /** Whether every earlier write was undone, leaving the tracefs as it was. */
  public boolean rolledBack() {
    return rollbackFailures.isEmpty();
  }

  public List<String> rollbackFailures() {
    return rollbackFailures;
  }

  /**
   * The headline, the refused line with the kernel's caret under it, the SQL with a caret under the
   * part that produced it, and what the rollback did.
   */
  @Override
  public String render(String sql) {
    StringBuilder b = new StringBuilder(getMessage());
    b.append("\n  ").append(change.line());
    position.ifPresent(p -> b.append("\n  ").append(" ".repeat(p)).append('^'));
    if (span.isPresent() && sql != null && !sql.isEmpty()) {
      b.append("\nfrom this part of the query:\n").append(Caret.under(sql, span.get()));
    }
    b.append('\n');
    if (rollbackFailures.isEmpty()) {
      b.append(undone == 0 ? "nothing had been written before it; the tracefs is unchanged"
          : "rolled back: the " + undone + " earlier write" + (undone == 1 ? " was" : "s were")
              + " undone; the tracefs is as it was");
    } else {
      b.append("the rollback is incomplete:");
      rollbackFailures.forEach(f -> b.append("\n  ").append(f));
      b.append("\nthe plan stays recorded in ").append(stateFile).append("; retry with: ftsql stop " + planName);
    }
    return b.toString();
  }
}
