package dev.ftsql.sql;

/** Renders the line of SQL that contains a span, and a caret line under the span. */
public final class Caret {
  private Caret() {}

  public static String under(String sql, SourceSpan span) {
    int start = Math.min(span.start(), sql.length());
    int lineStart = sql.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = sql.indexOf('\n', start);
    if (lineEnd < 0) {
      lineEnd = sql.length();
    }
    String line = sql.substring(lineStart, lineEnd).replace('\t', ' ');
    int col = start - lineStart;
    int width = Math.max(1, Math.min(span.end(), lineEnd) - start);
    if (start == lineStart && span.end() >= lineEnd && lineEnd - lineStart > 20) {
      width = 1; // the whole statement: a caret at its start says enough
    }
    return "  " + line + "\n  " + " ".repeat(col) + "^" + "~".repeat(width - 1);
  }
}
