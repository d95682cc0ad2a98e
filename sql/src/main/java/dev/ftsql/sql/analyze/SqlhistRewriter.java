package dev.ftsql.sql.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The sqlhist spellings Calcite parses but cannot validate, rewritten after parsing:
 *
 * <ul>
 *   <li>{@code CAST(x AS sym-offset)} (a "user-defined type") becomes {@code FT_CAST(x, 'sym-offset')};
 *   <li>{@code WHERE flags & 4} (an integer where a condition belongs) becomes {@code (flags & 4) <> 0}.
 * </ul>
 */
final class SqlhistRewriter extends SqlShuttle {

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (visited instanceof SqlCall c && c.getKind() == SqlKind.CAST && c.operandCount() == 2
        && c.operand(1) instanceof SqlDataTypeSpec spec
        && spec.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec udt) {
      String target = udt.getTypeName().getSimple().toLowerCase(Locale.ROOT);
      return FtraceOperators.FT_CAST.createCall(
          c.getParserPosition(),
          c.operand(0),
          SqlLiteral.createCharString(target, spec.getParserPosition()));
    }
    if (visited instanceof SqlSelect select) {
      select.setWhere(conditions(select.getWhere()));
      select.setHaving(conditions(select.getHaving()));
    }
    return visited;
  }

  /** Makes bit tests in condition positions (and under AND/OR/NOT) real conditions. */
  private static SqlNode conditions(SqlNode node) {
    if (!(node instanceof SqlBasicCall call)) {
      return node;
    }
    switch (call.getKind()) {
      case AND, OR, NOT -> {
        List<SqlNode> operands = new ArrayList<>(call.getOperandList());
        for (int i = 0; i < operands.size(); i++) {
          call.setOperand(i, conditions(operands.get(i)));
        }
        return call;
      }
      default -> {
        if (call.getOperator() == SqlStdOperatorTable.BITAND_OPERATOR) {
          SqlParserPos pos = call.getParserPosition();
          return SqlStdOperatorTable.NOT_EQUALS.createCall(
              pos, call, SqlLiteral.createExactNumeric("0", pos));
        }
        return call;
      }
    }
  }

}
