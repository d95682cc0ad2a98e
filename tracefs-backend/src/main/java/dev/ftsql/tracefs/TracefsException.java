package dev.ftsql.tracefs;

/**
 * A problem on the live system rather than in the statement: no tracefs, a name already taken, the
 * kernel refusing a line, a state file that cannot be written. The CLI prints {@link #render} and
 * exits with its I/O status.
 */
public class TracefsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TracefsException(String message) {
    super(message, null, false, false);
  }

  public TracefsException(String message, Throwable cause) {
    super(message, cause, false, false);
  }

  /** The message for people; subclasses that know where in the SQL it went wrong show it. */
  public String render(String sql) {
    return getMessage();
  }
}
