package dev.ftsql.sql.query;

/** What a column holds, in the terms that decide which hist-trigger features apply to it. */
public enum ColumnKind {
  /** An integer field (or pointer) of the event record. */
  NUMBER,
  /** {@code char name[N]}. */
  FIXED_STRING,
  /** {@code __data_loc char[]} / {@code __rel_loc char[]}. */
  DYNAMIC_STRING,
  /** A non-char array: not usable as a key, value or filter operand. */
  ARRAY,
  /** {@code common_timestamp} (ns, or µs with {@code .usecs}). */
  TIMESTAMP,
  /** {@code common_cpu}. */
  CPU,
  /** {@code common_stacktrace} (spelled {@code stacktrace} before 6.4). */
  STACKTRACE,
  /** The {@code COMM} pseudo-field ({@code current->comm}); filters only. */
  COMM;

  public boolean isString() {
    return this == FIXED_STRING || this == DYNAMIC_STRING || this == COMM;
  }

  public boolean isNumeric() {
    return this == NUMBER || this == TIMESTAMP || this == CPU;
  }
}
