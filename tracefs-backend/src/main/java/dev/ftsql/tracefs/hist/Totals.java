package dev.ftsql.tracefs.hist;

/**
 * The {@code Totals:} block. {@code hits} counts only the events that found or made an entry: the
 * events lost to a full table are in {@code dropped}, not in {@code hits} (seen on 6.1 and 6.12).
 */
public record Totals(long hits, long entries, long dropped) {}
