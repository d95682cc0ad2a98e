package dev.ftsql.tracefs.result;

/** The {@code hist} file has no histogram of the plan's trigger (removed, or never applied). */
public final class NoSuchHistogramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoSuchHistogramException(String message) {
    super(message);
  }
}
