package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;

/** An event named in FROM, with the alias the statement uses for it. */
public record EventSource(String system, String name, String alias, SourceSpan span) {
  /** {@code system/name}. */
  public String path() {
    return system + "/" + name;
  }
}
