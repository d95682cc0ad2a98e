package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SqlError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/** Constants of a statement, as the kernel can take them. */
final class Literals {
  static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Literals() {}

  /** An integer constant (possibly negated), or empty if the node is not a number. */
  static Optional<BigInteger> integer(SqlNode node, ParsedStatement st) {
    boolean negate = false;
    SqlNode n = node;
    if (n instanceof SqlCall c && c.getKind() == SqlKind.MINUS_PREFIX) {
      negate = true;
      n = c.operand(0);
    }
    if (!(n instanceof SqlNumericLiteral lit)) {
      return Optional.empty();
    }
    BigDecimal value = lit.getValueAs(BigDecimal.class);
    BigInteger exact;
    try {
      exact = value.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new SqlError("the kernel compares integers only, not " + value.toPlainString(), st.span(node));
    }
    if (negate) {
      exact = exact.negate();
    }
    if (exact.compareTo(MIN) < 0 || exact.compareTo(MAX) > 0) {
      throw new SqlError("number " + exact + " does not fit in 64 bits", st.span(node));
    }
    return Optional.of(exact);
  }

  /** A character string constant, or empty. */
  static Optional<String> string(SqlNode node) {
    if (node instanceof SqlCharStringLiteral s) {
      return Optional.of(s.getValueAs(String.class));
    }
    return Optional.empty();
  }

  static boolean isLiteral(SqlNode node) {
    return node instanceof SqlLiteral
        || (node instanceof SqlCall c && c.getKind() == SqlKind.MINUS_PREFIX && c.operand(0) instanceof SqlLiteral);
  }
}
