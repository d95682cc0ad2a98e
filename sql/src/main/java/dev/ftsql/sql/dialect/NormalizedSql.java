package dev.ftsql.sql.dialect;

import dev.ftsql.sql.SourceSpan;

/**
 * SQL text rewritten into the standard form Calcite's core parser reads, with a map from every
 * offset of the rewritten text back to the user's original text, so errors point at what the user
 * typed.
 *
 * @param original the user's text
 * @param text the rewritten text
 * @param toOriginal {@code toOriginal[i]} is the original offset of rewritten offset {@code i};
 *     length {@code text.length() + 1}
 */
public record NormalizedSql(String original, String text, int[] toOriginal) {

  /** The original span of the rewritten range {@code [start, end)}. */
  public SourceSpan originalSpan(int start, int end) {
    int s = toOriginal[clamp(start)];
    int e = end <= start ? s + 1 : toOriginal[clamp(end - 1)] + 1;
    return new SourceSpan(s, Math.max(e, s + 1));
  }

  /**
   * Offset in {@link #text()} of a 1-based line and column, as Calcite reports positions. Like
   * Calcite's lexer, it ends lines at {@code \n}, {@code \r\n} or a lone {@code \r}, and counts a
   * tab as one column.
   */
  public int offsetOf(int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int eol = offset;
      while (eol < text.length() && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
        eol++;
      }
      if (eol == text.length()) {
        return text.length();
      }
      boolean crlf =
          text.charAt(eol) == '\r' && eol + 1 < text.length() && text.charAt(eol + 1) == '\n';
      offset = eol + (crlf ? 2 : 1);
    }
    return clamp(offset + column - 1);
  }

  /** The original offset of rewritten offset {@code offset}. */
  public int originalOffset(int offset) {
    return toOriginal[clamp(offset)];
  }

  private int clamp(int i) {
    return Math.max(0, Math.min(i, text.length()));
  }
}
