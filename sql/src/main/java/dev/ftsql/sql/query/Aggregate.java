package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;
import java.util.Optional;

/** An aggregate of the SELECT list: {@code COUNT(*)} has no argument, the others a column. */
public record Aggregate(AggregateKind kind, Optional<Column> argument, boolean hex, SourceSpan span) {}
