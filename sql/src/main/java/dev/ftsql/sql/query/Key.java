package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;

/**
 * One histogram key.
 *
 * @param column the keyed column
 * @param display how the kernel groups or prints it
 * @param buckets bucket width when {@code display} is BUCKETS, else 0
 * @param hidden true for a key ftsql adds itself (an aggregate without GROUP BY) and never shows
 * @param span the GROUP BY (or SELECT) expression it came from
 */
public record Key(Column column, Display display, long buckets, boolean hidden, SourceSpan span) {}
