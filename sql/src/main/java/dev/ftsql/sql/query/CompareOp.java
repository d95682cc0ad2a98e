package dev.ftsql.sql.query;

/** Comparison operators of filters, with the kernel's spelling. */
public enum CompareOp {
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String kernel;

  CompareOp(String kernel) {
    this.kernel = kernel;
  }

  public String kernel() {
    return kernel;
  }

  /** The operator with its operands swapped ({@code 5 < x} is {@code x > 5}). */
  public CompareOp flipped() {
    return switch (this) {
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
      case EQ, NE -> this;
    };
  }

  public CompareOp negated() {
    return switch (this) {
      case EQ -> NE;
      case NE -> EQ;
      case LT -> GE;
      case LE -> GT;
      case GT -> LE;
      case GE -> LT;
    };
  }
}
