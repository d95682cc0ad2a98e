package dev.ftsql.tracefs.result;

import java.util.Locale;

/** What a result column holds; {@link #jsonName()} is its {@code type} in JSON output. */
public enum ColumnType {
  /** An unsigned 64-bit number: a plain key, COUNT, SUM or MAX. */
  NUMBER,
  /** AVG: a sum divided by the hitcount, rounded to two decimals. */
  DECIMAL,
  HEX,
  /** {@code sym()} / {@code sym_offset()}: address and symbol. */
  SYMBOL,
  /** {@code execname(common_pid)}: comm and pid. */
  EXECNAME,
  /** {@code syscall_name(id)}: name and number. */
  SYSCALL,
  /** {@code log2(x)}: a power-of-two bucket. */
  LOG2,
  /** {@code bucket(x, n)}: a linear bucket. */
  BUCKET,
  STRING,
  STACK;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Numbers line up on the right in a table. */
  public boolean isNumeric() {
    return this == NUMBER || this == DECIMAL || this == HEX;
  }

  /** A key that stands for a range of values: what percentiles and bars are made from. */
  public boolean isBucket() {
    return this == LOG2 || this == BUCKET;
  }
}
