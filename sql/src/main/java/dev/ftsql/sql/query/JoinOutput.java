package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;

/** A column of a join's result: a field of its synthetic event. */
public record JoinOutput(String name, Expr expr, SynthType type, Display display, SourceSpan span) {}
