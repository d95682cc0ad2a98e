package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;
import java.math.BigInteger;

/** A value computed in a join: columns of the joined events, constants and kernel arithmetic. */
public sealed interface Expr {
  SourceSpan span();

  <R> R accept(Visitor<R> visitor);

  interface Visitor<R> {
    R visitColumn(ColumnRef ref);

    R visitConstant(Constant constant);

    R visitBinary(Binary binary);

    R visitNegate(Negate negate);
  }

  /**
   * A column of the {@code event}-th event of the join (0 = the first FROM event).
   *
   * @param display how a key on it is shown (PLAIN unless a display function was applied);
   *     EXECNAME makes it the task name of a pid
   */
  record ColumnRef(int event, Column column, Display display, SourceSpan span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitColumn(this);
    }
  }

  record Constant(BigInteger value, SourceSpan span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitConstant(this);
    }
  }

  /** {@code left op right} with op one of + - * /. */
  record Binary(char op, Expr left, Expr right, SourceSpan span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitBinary(this);
    }
  }

  /** {@code -(operand)}. */
  record Negate(Expr operand, SourceSpan span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitNegate(this);
    }
  }
}
