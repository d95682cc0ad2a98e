package dev.ftsql.sql.query;

/** The aggregates a hist trigger can compute. */
public enum AggregateKind {
  /** {@code COUNT(*)}: the hitcount. */
  COUNT,
  /** {@code SUM(x)}: a value. */
  SUM,
  /** {@code AVG(x)}: a value divided by hitcount when read. */
  AVG,
  /** {@code MAX(x)}: a variable tracked with {@code onmax()}. */
  MAX
}
