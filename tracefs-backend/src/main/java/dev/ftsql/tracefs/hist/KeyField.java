package dev.ftsql.tracefs.hist;

/** One key of an entry: its label as the hist file prints it ({@code common_pid}) and its value. */
public record KeyField(String name, HistKey value) {}
