package dev.ftsql.export;

/**
 * POSIX shell single-quoting. Inside '...' the shell interprets nothing ({@code $(...)}, backticks,
 * backslashes are literal); a ' itself is closed, escaped and reopened as {@code '\''}.
 */
public final class ShellQuote {
  private ShellQuote() {}

  public static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** Paths made only of safe characters stay readable; anything else is quoted. */
  public static String quoteIfNeeded(String text) {
    return text.matches("[A-Za-z0-9_./+:=-]+") ? text : quote(text);
  }
}
