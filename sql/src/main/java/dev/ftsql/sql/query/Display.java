package dev.ftsql.sql.query;

/** How the kernel shows a key (its {@code .modifier}). */
public enum Display {
  PLAIN(""),
  HEX(".hex"),
  SYM(".sym"),
  SYM_OFFSET(".sym-offset"),
  EXECNAME(".execname"),
  SYSCALL(".syscall"),
  LOG2(".log2"),
  BUCKETS(".buckets="),
  USECS(".usecs");

  private final String suffix;

  Display(String suffix) {
    this.suffix = suffix;
  }

  /** The modifier text as written after the field name; BUCKETS needs its size appended. */
  public String suffix() {
    return suffix;
  }

  /** Groups values into ranges: two keys in one bucket are merged by the kernel. */
  public boolean isBucketing() {
    return this == LOG2 || this == BUCKETS;
  }
}
