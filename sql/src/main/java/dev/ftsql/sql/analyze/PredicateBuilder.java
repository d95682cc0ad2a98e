package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.query.Column;
import dev.ftsql.sql.query.ColumnKind;
import dev.ftsql.sql.query.CompareOp;
import dev.ftsql.sql.query.Predicate;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** WHERE to {@link Predicate}: only what the kernel's event filter can test, else a clear error. */
final class PredicateBuilder {
  private final ColumnResolver columns;
  private final ParsedStatement st;

  PredicateBuilder(ColumnResolver columns, ParsedStatement st) {
    this.columns = columns;
    this.st = st;
  }

  Predicate build(SqlNode node) {
    SourceSpan span = st.span(node);
    if (!(node instanceof SqlCall call)) {
      throw new SqlError("WHERE needs a comparison here, e.g. prev_state == 1", span);
    }
    if (call.getOperator() == FtraceOperators.GLOB) {
      Column c = filterColumn(call.operand(0));
      requireString(c, "~ (glob)");
      String pattern = Literals.string(call.operand(1))
          .orElseThrow(() -> new SqlError("~ needs a quoted pattern, e.g. next_comm ~ \"kworker*\"", st.span(call.operand(1))));
      return new Predicate.Glob(c, checkedString(pattern, call.operand(1)), span);
    }
    return switch (call.getKind()) {
      case AND -> new Predicate.And(operands(call), span);
      case OR -> new Predicate.Or(operands(call), span);
      case NOT -> new Predicate.Not(build(call.operand(0)), span);
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
          comparison(call, span);
      case LIKE -> like(call, span);
      case BETWEEN -> between(call, span);
      case IN, NOT_IN -> in(call, span);
      default -> throw new SqlError(
          "the kernel's event filter cannot test " + call.getOperator().getName()
              + "; use comparisons, LIKE, & (bit test), AND, OR and NOT",
          span);
    };
  }

  /** Operands of AND/OR, with nested ANDs in an AND (ORs in an OR) flattened. */
  private List<Predicate> operands(SqlCall call) {
    List<Predicate> out = new ArrayList<>();
    for (SqlNode n : call.getOperandList()) {
      Predicate p = build(n);
      if (call.getKind() == SqlKind.AND && p instanceof Predicate.And and) {
        out.addAll(and.operands());
      } else if (call.getKind() == SqlKind.OR && p instanceof Predicate.Or or) {
        out.addAll(or.operands());
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private Predicate comparison(SqlCall call, SourceSpan span) {
    CompareOp op = op(call.getKind());
    SqlNode left = call.operand(0);
    SqlNode right = call.operand(1);
    Optional<Predicate> bits = bitTest(left, op, right, span);
    if (bits.isPresent()) {
      return bits.get();
    }
    if (Literals.isLiteral(left) && !Literals.isLiteral(right)) {
      SqlNode t = left;
      left = right;
      right = t;
      op = op.flipped();
    }
    Column c = filterColumn(left);
    if (!Literals.isLiteral(right)) {
      throw new SqlError(
          "the kernel's event filter compares a field with a constant, not with another expression",
          st.span(right));
    }
    if (c.kind().isString()) {
      String value = Literals.string(right).orElseThrow(() -> new SqlError(
          "'" + c.field() + "' is a string; compare it with a quoted string", st.span(call.operand(1))));
      if (op != CompareOp.EQ && op != CompareOp.NE) {
        throw new SqlError("strings can only be compared with =, <> or LIKE, not " + op.kernel(), span);
      }
      return new Predicate.StringCompare(c, op == CompareOp.EQ, checkedString(value, right), span);
    }
    SqlNode constant = right;
    BigInteger value = Literals.integer(constant, st).orElseThrow(() -> new SqlError(
        "'" + c.field() + "' is a number; compare it with a number", st.span(constant)));
    return new Predicate.NumberCompare(c, op, value, span);
  }

  /** {@code (x & 4) <> 0} and {@code (x & 4) = 0}, as the parser rewrote sqlhist's {@code x & 4}. */
  private Optional<Predicate> bitTest(SqlNode left, CompareOp op, SqlNode right, SourceSpan span) {
    if (!(left instanceof SqlCall and) || and.getOperator() != SqlStdOperatorTable.BITAND_OPERATOR) {
      return Optional.empty();
    }
    Optional<BigInteger> zero = Literals.integer(right, st);
    if (zero.isEmpty() || zero.get().signum() != 0 || (op != CompareOp.NE && op != CompareOp.EQ)) {
      throw new SqlError("a bit test is written 'field & mask' (or '(field & mask) = 0')", span);
    }
    SqlNode field = and.operand(0);
    SqlNode mask = and.operand(1);
    if (Literals.isLiteral(field)) {
      SqlNode t = field;
      field = mask;
      mask = t;
    }
    Column c = filterColumn(field);
    requireNumber(c, "&");
    SqlNode maskNode = mask;
    BigInteger m = Literals.integer(mask, st).orElseThrow(() -> new SqlError(
        "the mask of a bit test must be a number", st.span(maskNode)));
    Predicate test = new Predicate.BitTest(c, m, span);
    return Optional.of(op == CompareOp.NE ? test : new Predicate.Not(test, span));
  }

  private Predicate like(SqlCall call, SourceSpan span) {
    if (call.operandCount() > 2) {
      throw new SqlError("LIKE ... ESCAPE is not supported by the kernel's glob", st.span(call.operand(2)));
    }
    Column c = filterColumn(call.operand(0));
    requireString(c, "LIKE");
    String pattern = Literals.string(call.operand(1)).orElseThrow(() -> new SqlError(
        "LIKE needs a quoted pattern", st.span(call.operand(1))));
    StringBuilder glob = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      switch (ch) {
        case '%' -> glob.append('*');
        case '_' -> glob.append('?');
        case '*', '?', '[', ']' -> throw new SqlError(
            "the kernel's glob cannot match '" + ch + "' literally; remove it from the LIKE pattern",
            st.span(call.operand(1)));
        default -> glob.append(ch);
      }
    }
    Predicate p = new Predicate.Glob(c, checkedString(glob.toString(), call.operand(1)), span);
    return call.getOperator() == SqlStdOperatorTable.NOT_LIKE ? new Predicate.Not(p, span) : p;
  }

  private Predicate between(SqlCall call, SourceSpan span) {
    Column c = filterColumn(call.operand(0));
    requireNumber(c, "BETWEEN");
    BigInteger lo = number(call.operand(1));
    BigInteger hi = number(call.operand(2));
    Predicate p = new Predicate.And(List.of(
        new Predicate.NumberCompare(c, CompareOp.GE, lo, span),
        new Predicate.NumberCompare(c, CompareOp.LE, hi, span)), span);
    return call.getOperator() == SqlStdOperatorTable.NOT_BETWEEN ? new Predicate.Not(p, span) : p;
  }

  private Predicate in(SqlCall call, SourceSpan span) {
    Column c = filterColumn(call.operand(0));
    if (!(call.operand(1) instanceof SqlNodeList list)) {
      throw new SqlError("IN takes a list of constants", st.span(call.operand(1)));
    }
    List<Predicate> alternatives = new ArrayList<>();
    for (SqlNode item : list) {
      if (c.kind().isString()) {
        String s = Literals.string(item).orElseThrow(() -> new SqlError("expected a quoted string", st.span(item)));
        alternatives.add(new Predicate.StringCompare(c, true, checkedString(s, item), span));
      } else {
        alternatives.add(new Predicate.NumberCompare(c, CompareOp.EQ, number(item), span));
      }
    }
    Predicate p = alternatives.size() == 1 ? alternatives.get(0) : new Predicate.Or(alternatives, span);
    return call.getKind() == SqlKind.NOT_IN ? new Predicate.Not(p, span) : p;
  }

  private BigInteger number(SqlNode n) {
    return Literals.integer(n, st).orElseThrow(() -> new SqlError("expected a number", st.span(n)));
  }

  private Column filterColumn(SqlNode node) {
    if (!(node instanceof SqlIdentifier id)) {
      throw new SqlError(
          "the kernel's event filter tests a field directly; functions and arithmetic are not allowed here",
          st.span(node));
    }
    Column c = columns.resolve(id);
    switch (c.kind()) {
      case TIMESTAMP -> throw new SqlError(
          "common_timestamp cannot be filtered: the kernel's event filter does not know it", c.span());
      case STACKTRACE -> throw new SqlError("a stack trace cannot be filtered", c.span());
      case ARRAY -> throw new SqlError("'" + c.field() + "' is an array; the kernel cannot filter it", c.span());
      default -> {
        return c;
      }
    }
  }

  private void requireString(Column c, String what) {
    if (c.kind() != ColumnKind.FIXED_STRING && c.kind() != ColumnKind.DYNAMIC_STRING && c.kind() != ColumnKind.COMM) {
      throw new SqlError(what + " needs a string field, and '" + c.field() + "' is a number", c.span());
    }
  }

  private void requireNumber(Column c, String what) {
    if (!c.kind().isNumeric()) {
      throw new SqlError(what + " needs a numeric field, and '" + c.field() + "' is a string", c.span());
    }
  }

  /** Strings go into the filter inside quotes; the kernel has no escapes and stops at 255 bytes. */
  private String checkedString(String value, SqlNode where) {
    if (value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      throw new SqlError("control characters (such as a newline) cannot appear in a filter string", st.span(where));
    }
    if (value.indexOf('"') >= 0 && value.indexOf('\'') >= 0) {
      throw new SqlError("a filter string cannot contain both ' and \": the kernel has no escapes", st.span(where));
    }
    if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
      throw new SqlError("a filter string can be at most 255 bytes", st.span(where));
    }
    return value;
  }

  static CompareOp op(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> CompareOp.EQ;
      case NOT_EQUALS -> CompareOp.NE;
      case LESS_THAN -> CompareOp.LT;
      case LESS_THAN_OR_EQUAL -> CompareOp.LE;
      case GREATER_THAN -> CompareOp.GT;
      case GREATER_THAN_OR_EQUAL -> CompareOp.GE;
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }
}
