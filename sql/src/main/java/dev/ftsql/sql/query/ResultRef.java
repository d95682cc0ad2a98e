package dev.ftsql.sql.query;

/** A key or an aggregate of a query, by index: what ORDER BY and HAVING refer to. */
public record ResultRef(OutputColumn.Source source, int index) {}
