package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;

/**
 * A column of the result, in SELECT order.
 *
 * @param name the alias, else a readable derived name ({@code count}, {@code sum_bytes_alloc})
 * @param source {@code KEY} or {@code AGGREGATE}
 * @param index index into {@link Query#keys()} or {@link Query#aggregates()}
 */
public record OutputColumn(String name, Source source, int index, SourceSpan span) {
  public enum Source {
    KEY,
    AGGREGATE
  }
}
