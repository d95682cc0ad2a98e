package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;
import java.math.BigInteger;
import java.util.List;

/** A WHERE condition on one event, in the shapes the kernel's event filter can test. */
public sealed interface Predicate {
  SourceSpan span();

  <R> R accept(Visitor<R> visitor);

  interface Visitor<R> {
    R visitAnd(And and);

    R visitOr(Or or);

    R visitNot(Not not);

    R visitNumberCompare(NumberCompare compare);

    R visitStringCompare(StringCompare compare);

    R visitGlob(Glob glob);

    R visitBitTest(BitTest test);
  }

  record And(List<Predicate> operands, SourceSpan span) implements Predicate {
    public And {
      operands = List.copyOf(operands);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitAnd(this);
    }
  }

  record Or(List<Predicate> operands, SourceSpan span) implements Predicate {
    public Or {
      operands = List.copyOf(operands);
    }

    public <R> R accept(Visitor<R> v) {
      return v.visitOr(this);
    }
  }

  record Not(Predicate operand, SourceSpan span) implements Predicate {
    public <R> R accept(Visitor<R> v) {
      return v.visitNot(this);
    }
  }

  /** {@code column op number}. */
  record NumberCompare(Column column, CompareOp op, BigInteger value, SourceSpan span)
      implements Predicate {
    public <R> R accept(Visitor<R> v) {
      return v.visitNumberCompare(this);
    }
  }

  /** {@code column == 'text'} or {@code column != 'text'}. */
  record StringCompare(Column column, boolean equal, String value, SourceSpan span)
      implements Predicate {
    public <R> R accept(Visitor<R> v) {
      return v.visitStringCompare(this);
    }
  }

  /** {@code column ~ "glob"} (from LIKE or sqlhist's {@code ~}). */
  record Glob(Column column, String pattern, SourceSpan span) implements Predicate {
    public <R> R accept(Visitor<R> v) {
      return v.visitGlob(this);
    }
  }

  /** {@code column & mask} is non-zero. */
  record BitTest(Column column, BigInteger mask, SourceSpan span) implements Predicate {
    public <R> R accept(Visitor<R> v) {
      return v.visitBitTest(this);
    }
  }
}
