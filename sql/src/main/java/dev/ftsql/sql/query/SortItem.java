package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;

/** One ORDER BY item, resolved to a key or an aggregate of the query. */
public record SortItem(ResultRef target, boolean descending, SourceSpan span) {}
