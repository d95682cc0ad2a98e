package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.query.Column;
import dev.ftsql.sql.query.ColumnKind;
import dev.ftsql.sql.query.Display;
import java.math.BigInteger;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;

/**
 * A column with the display the kernel applies to it: {@code log2(bytes_req)},
 * {@code CAST(call_site AS SYM)}, {@code execname(common_pid)} or a bare column. Also recognises
 * sqlhist's {@code CAST(x AS _COUNTER_)}, which makes x a value rather than a key.
 */
record KeyExpression(Column column, Display display, long buckets, boolean counter, SourceSpan span) {

  /** Max operators in one kernel expression. */
  static final int MAX_OPERATORS = 3;

  static KeyExpression of(SqlNode node, ColumnResolver columns, ParsedStatement st) {
    SourceSpan span = st.span(node);
    if (node instanceof SqlIdentifier id) {
      Column c = columns.resolve(id);
      return new KeyExpression(c, c.usecs() ? Display.USECS : Display.PLAIN, 0, false, span);
    }
    if (Literals.isLiteral(node)) {
      throw new SqlError("a constant cannot be a histogram key", span);
    }
    if (!(node instanceof SqlCall call)) {
      throw new SqlError("expected a field or a function of a field", span);
    }
    if (isArithmetic(call)) {
      int ops = operatorCount(call);
      if (ops > MAX_OPERATORS) {
        throw new SqlError(
            "expression has " + ops + " operators; the kernel allows at most " + MAX_OPERATORS, span);
      }
      throw new SqlError(
          "arithmetic on a single event is not supported yet: the kernel only prints computed values "
              + "through a synthetic event (a JOIN)",
          span);
    }
    SqlOperator op = call.getOperator();
    if (op == FtraceOperators.FT_CAST) {
      String target = Literals.string(call.operand(1)).orElse("");
      return cast(call.operand(0), target, columns, st, span);
    }
    Display display = displayOf(op);
    if (display == null) {
      throw new SqlError("'" + op.getName() + "' cannot be a histogram key; keys are fields, or "
          + "log2(), bucket(), hex(), sym(), sym_offset(), execname(), syscall_name(), usecs() of a field", span);
    }
    long buckets = 0;
    if (display == Display.BUCKETS) {
      if (call.operandCount() != 2) {
        throw new SqlError("bucket() takes a field and a bucket size: bucket(bytes_req, 100)", span);
      }
      buckets = bucketSize(call.operand(1), st);
    } else if (call.operandCount() != 1) {
      throw new SqlError(op.getName() + "() takes one field", span);
    }
    return withDisplay(field(call.operand(0), columns, st), display, buckets, span);
  }

  private static KeyExpression cast(
      SqlNode operand, String target, ColumnResolver columns, ParsedStatement st, SourceSpan span) {
    Column c = field(operand, columns, st);
    String t = target.toLowerCase(Locale.ROOT);
    if (target.equals("_counter_") || target.equals("__counter__")) {
      requireNumber(c, "a _COUNTER_ (value)", span);
      return new KeyExpression(c, Display.PLAIN, 0, true, span);
    }
    if (t.startsWith("buckets=") || t.startsWith("bucket=")) {
      String n = t.substring(t.indexOf('=') + 1);
      long size;
      try {
        size = Long.parseLong(n);
      } catch (NumberFormatException e) {
        throw new SqlError("BUCKETS needs a size: CAST(x AS BUCKETS=100)", span);
      }
      if (size <= 0) {
        throw new SqlError("a bucket size must be positive", span);
      }
      return withDisplay(c, Display.BUCKETS, size, span);
    }
    Display d = castDisplay(t);
    if (d == null) {
      switch (t) {
        case "buckets", "bucket" -> throw new SqlError("BUCKETS needs a size: CAST(x AS BUCKETS=100)", span);
        case "percent", "graph" -> throw new SqlError(
            "." + t + " applies to values, and ftsql computes percentages itself when reading", span);
        default -> throw new SqlError("cannot CAST to '" + target + "'; the types are HEX, SYM, SYM-OFFSET, "
            + "SYSCALL, EXECNAME, COMM, LOG2, BUCKETS=N, USECS and _COUNTER_", span);
      }
    }
    return withDisplay(c, d, 0, span);
  }

  static KeyExpression withDisplay(Column c, Display d, long buckets, SourceSpan span) {
    switch (d) {
      case EXECNAME -> {
        if (!c.field().equals("common_pid")) {
          throw new SqlError("execname() applies to common_pid only (the kernel looks up the pid's comm), not '"
              + c.field() + "'", span);
        }
      }
      case USECS -> {
        if (c.kind() != ColumnKind.TIMESTAMP) {
          throw new SqlError("usecs() applies to common_timestamp only", span);
        }
        return new KeyExpression(c.withUsecs(c.span()), Display.USECS, 0, false, span);
      }
      default -> {
        if (d != Display.PLAIN) {
          requireNumber(c, d.name().toLowerCase(Locale.ROOT).replace('_', '-') + "()", span);
        }
      }
    }
    return new KeyExpression(c, d, buckets, false, span);
  }

  private static void requireNumber(Column c, String what, SourceSpan span) {
    if (!c.kind().isNumeric()) {
      throw new SqlError(what + " needs a numeric field, and '" + c.field() + "' is "
          + (c.kind().isString() ? "a string" : c.kind() == ColumnKind.STACKTRACE ? "a stack trace" : "an array"), span);
    }
  }

  private static Column field(SqlNode node, ColumnResolver columns, ParsedStatement st) {
    if (node instanceof SqlIdentifier id) {
      return columns.resolve(id);
    }
    if (node instanceof SqlCall c && c.getOperator() == FtraceOperators.USECS && c.operandCount() == 1
        && c.operand(0) instanceof SqlIdentifier id) {
      Column col = columns.resolve(id);
      if (col.kind() != ColumnKind.TIMESTAMP) {
        throw new SqlError("usecs() applies to common_timestamp only", st.span(node));
      }
      return col.withUsecs(col.span());
    }
    throw new SqlError("expected a field name here", st.span(node));
  }

  private static long bucketSize(SqlNode n, ParsedStatement st) {
    BigInteger size = Literals.integer(n, st)
        .orElseThrow(() -> new SqlError("the bucket size must be a number", st.span(n)));
    if (size.signum() <= 0 || size.bitLength() > 62) {
      throw new SqlError("the bucket size must be a positive number", st.span(n));
    }
    return size.longValue();
  }

  /** sqlhist's CAST target (lower case) as a display, or null when it is not a plain display. */
  static Display castDisplay(String target) {
    return switch (target) {
      case "hex" -> Display.HEX;
      case "sym" -> Display.SYM;
      case "sym-offset" -> Display.SYM_OFFSET;
      case "syscall" -> Display.SYSCALL;
      case "execname", "comm" -> Display.EXECNAME;
      case "log", "log2" -> Display.LOG2;
      case "usecs" -> Display.USECS;
      default -> null;
    };
  }

  static Display displayOf(SqlOperator op) {
    if (op == FtraceOperators.LOG2) {
      return Display.LOG2;
    } else if (op == FtraceOperators.BUCKET) {
      return Display.BUCKETS;
    } else if (op == FtraceOperators.HEX) {
      return Display.HEX;
    } else if (op == FtraceOperators.SYM) {
      return Display.SYM;
    } else if (op == FtraceOperators.SYM_OFFSET) {
      return Display.SYM_OFFSET;
    } else if (op == FtraceOperators.EXECNAME) {
      return Display.EXECNAME;
    } else if (op == FtraceOperators.SYSCALL_NAME) {
      return Display.SYSCALL;
    } else if (op == FtraceOperators.USECS) {
      return Display.USECS;
    }
    return null;
  }

  static boolean isArithmetic(SqlNode node) {
    if (!(node instanceof SqlBasicCall c)) {
      return false;
    }
    SqlKind k = c.getKind();
    return k == SqlKind.PLUS || k == SqlKind.MINUS || k == SqlKind.TIMES || k == SqlKind.DIVIDE
        || k == SqlKind.MINUS_PREFIX && !Literals.isLiteral(c);
  }

  /** Binary and unary operators in an arithmetic tree, as the kernel counts them. */
  static int operatorCount(SqlNode node) {
    if (!isArithmetic(node)) {
      return 0;
    }
    int n = 1;
    for (SqlNode operand : ((SqlCall) node).getOperandList()) {
      n += operatorCount(operand);
    }
    return n;
  }

  /** Same column and display: the same key. */
  boolean sameKeyAs(KeyExpression other) {
    return column.field().equals(other.column.field()) && column.usecs() == other.column.usecs()
        && display == other.display && buckets == other.buckets;
  }
}
