package dev.ftsql.sql.analyze;

import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The functions ftsql adds to SQL. Each maps to a hist-trigger modifier; for validation they keep
 * their argument's type, so Calcite can check the rest of the statement around them.
 */
public final class FtraceOperators {
  private FtraceOperators() {}

  /** {@code FT_CAST(x, 'sym-offset')}: sqlhist's {@code CAST(x AS SYM-OFFSET)} after parsing. */
  public static final SqlFunction FT_CAST = display("FT_CAST", OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.ANY, org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER));

  /** {@code GLOB(x, 'pat*')}: sqlhist's {@code x ~ "pat*"}. */
  public static final SqlFunction GLOB =
      new SqlFunction(
          "GLOB",
          SqlKind.OTHER_FUNCTION,
          ReturnTypes.BOOLEAN_NULLABLE,
          null,
          OperandTypes.STRING_STRING,
          SqlFunctionCategory.USER_DEFINED_FUNCTION);

  public static final SqlFunction LOG2 = display("log2", OperandTypes.ANY);
  public static final SqlFunction BUCKET = display("bucket", OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.ANY, org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC));
  public static final SqlFunction HEX = display("hex", OperandTypes.ANY);
  public static final SqlFunction SYM = display("sym", OperandTypes.ANY);
  public static final SqlFunction SYM_OFFSET = display("sym_offset", OperandTypes.ANY);
  public static final SqlFunction EXECNAME = display("execname", OperandTypes.ANY);
  public static final SqlFunction SYSCALL_NAME = display("syscall_name", OperandTypes.ANY);
  public static final SqlFunction USECS = display("usecs", OperandTypes.ANY);

  /** The table the validator resolves function names in, searched before Calcite's own. */
  public static SqlOperatorTable table() {
    List<SqlOperator> ops =
        List.of(FT_CAST, GLOB, LOG2, BUCKET, HEX, SYM, SYM_OFFSET, EXECNAME, SYSCALL_NAME, USECS);
    return SqlOperatorTables.of(ops);
  }

  private static SqlFunction display(String name, org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
    return new SqlFunction(
        name,
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.ARG0,
        null,
        operands,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
  }
}
