package dev.ftsql.sql;

import java.util.Optional;

/**
 * A problem with the user's statement. The message is one line that names the problem; the span,
 * when known, points into the original SQL text so the CLI can print the line with a caret.
 */
public final class SqlError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient SourceSpan span;

  public SqlError(String message, SourceSpan span) {
    super(message, null, false, false);
    this.span = span;
  }

  public SqlError(String message) {
    this(message, null);
  }

  public Optional<SourceSpan> span() {
    return Optional.ofNullable(span);
  }

  /** The message, then the offending SQL line with a caret under the span (when there is one). */
  public String render(String sql) {
    return span().map(s -> getMessage() + "\n" + Caret.under(sql, s)).orElse(getMessage());
  }
}
