package dev.ftsql.sql;

/** A half-open range {@code [start, end)} of character offsets into the SQL text the user wrote. */
public record SourceSpan(int start, int end) {
  public SourceSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  public static SourceSpan at(int offset) {
    return new SourceSpan(offset, offset + 1);
  }

  /** The smallest span that covers both. */
  public SourceSpan union(SourceSpan other) {
    return new SourceSpan(Math.min(start, other.start), Math.max(end, other.end));
  }
}
