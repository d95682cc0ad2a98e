package dev.ftsql.tracefs.result;

/**
 * A result column.
 *
 * @param name the SELECT alias or derived name
 * @param type what its cells hold
 * @param key true for a GROUP BY key, false for an aggregate
 */
public record Column(String name, ColumnType type, boolean key) {}
