package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;

/**
 * A resolved reference to a column of an event.
 *
 * @param event the event's {@code system/name}
 * @param field the kernel's spelling of the field ({@code next_comm}, {@code common_timestamp},
 *     {@code common_cpu}, {@code common_stacktrace}, {@code COMM})
 * @param kind what the column holds
 * @param size the byte size in the record (strings: N for char[N], 256 for dynamic ones)
 * @param signed signedness of a numeric field
 * @param usecs true for {@code TIMESTAMP_USECS} / {@code usecs(common_timestamp)}
 * @param span where the user wrote it
 */
public record Column(
    String event, String field, ColumnKind kind, int size, boolean signed, boolean usecs, SourceSpan span) {

  public Column withUsecs(SourceSpan at) {
    return new Column(event, field, kind, size, signed, true, at);
  }

  public Column at(SourceSpan at) {
    return new Column(event, field, kind, size, signed, usecs, at);
  }
}
