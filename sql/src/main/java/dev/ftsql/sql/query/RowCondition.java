package dev.ftsql.sql.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * A HAVING condition. The kernel has no HAVING, so it is kept in the plan and applied to the rows
 * when the histogram is read.
 */
public sealed interface RowCondition {

  record And(List<RowCondition> operands) implements RowCondition {
    public And {
      operands = List.copyOf(operands);
    }
  }

  record Or(List<RowCondition> operands) implements RowCondition {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  record Not(RowCondition operand) implements RowCondition {}

  record Compare(ResultRef left, CompareOp op, BigDecimal right) implements RowCondition {}
}
