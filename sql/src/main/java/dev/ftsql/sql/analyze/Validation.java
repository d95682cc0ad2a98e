package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.EventFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Calcite's validator over a schema holding just the events the statement names: it resolves names
 * and aliases, checks GROUP BY and aggregate argument types, and reports with positions.
 */
final class Validation {
  private static final Pattern CANNOT_APPLY =
      Pattern.compile("Cannot apply '(\\w+)' to arguments of type '\\w+\\((.*)\\)'.*");
  private static final Pattern CANNOT_APPLY_OPERATOR =
      Pattern.compile("Cannot apply '([^']+)' to arguments of type '(<[^']*>)'.*");
  private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Table '([^']+)' not found");
  private static final Pattern COLUMN_NOT_FOUND =
      Pattern.compile("Column '([^']+)' not found in (any table|table '[^']+')(;.*)?");

  private Validation() {}

  /**
   * Validates {@code statement} against {@code tables} (each key is the name as written in FROM:
   * one part, or {@code system.event}) and returns the validator for type lookups and the
   * validated node.
   */
  static Validated validate(ParsedStatement statement, Map<List<String>, EventFormat> tables) {
    SqlTypeFactoryImpl types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    SchemaPlus plus = root.plus();
    tables.forEach(
        (names, event) -> {
          if (names.size() == 1) {
            plus.add(names.get(0), new EventTable(event));
          } else {
            SchemaPlus system = plus.getSubSchema(names.get(0));
            if (system == null) {
              system = plus.add(names.get(0), new AbstractSchema());
            }
            system.add(names.get(1), new EventTable(event));
          }
        });
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteCatalogReader reader =
        new CalciteCatalogReader(root, List.of(), types, new CalciteConnectionConfigImpl(props));
    SqlValidator validator =
        SqlValidatorUtil.newValidator(
            SqlOperatorTables.chain(FtraceOperators.table(), SqlStdOperatorTable.instance()),
            reader,
            types,
            SqlValidator.Config.DEFAULT
                .withConformance(SqlConformanceEnum.LENIENT)
                .withTypeCoercionEnabled(false)
                .withIdentifierExpansion(false)
                .withCallRewrite(false));
    try {
      SqlNode validated = validator.validate(statement.node());
      return new Validated(validator, validated);
    } catch (CalciteContextException e) {
      throw translate(statement, tables, e);
    }
  }

  record Validated(SqlValidator validator, SqlNode node) {}

  private static SqlError translate(
      ParsedStatement statement, Map<List<String>, EventFormat> tables, CalciteContextException e) {
    String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    message = message.strip().lines().findFirst().orElse("invalid statement");
    SourceSpan span =
        statement.span(
            new org.apache.calcite.sql.parser.SqlParserPos(
                e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn()));
    Matcher wrongType = CANNOT_APPLY.matcher(message);
    Matcher wrongOperands = CANNOT_APPLY_OPERATOR.matcher(message);
    if (wrongType.matches()) {
      message = typeMismatch(wrongType.group(1), wrongType.group(2));
    } else if (wrongOperands.matches()) {
      message = "'" + wrongOperands.group(1) + "' needs numbers, and an operand is "
          + (wrongOperands.group(2).contains("CHAR") ? "a string" : "not a number");
    }
    Matcher table = TABLE_NOT_FOUND.matcher(message);
    if (table.matches()) {
      message = "'" + table.group(1) + "' is not in FROM: a condition or column of another event needs that "
          + "event JOINed (FROM a JOIN b ON ...)";
    }
    Matcher m = COLUMN_NOT_FOUND.matcher(message);
    if (m.matches() && m.group(3) == null) {
      String field = m.group(1);
      List<String> owners =
          tables.values().stream().filter(ev -> ev.field(field).isPresent()).map(EventFormat::path).distinct().toList();
      List<String> fields =
          tables.values().stream()
              .flatMap(ev -> ev.fields().stream().map(f -> f.name()))
              .filter(f -> !f.equals(field))
              .distinct()
              .toList();
      String where = m.group(2).startsWith("table")
          ? m.group(2).substring("table ".length())
          : String.join(", ", tables.values().stream().map(EventFormat::path).distinct().toList());
      message = "unknown field '" + field + "' in " + where
          + (owners.isEmpty() ? Suggestions.didYouMean(field, fields) : "; it is a field of " + String.join(", ", owners));
    }
    return new SqlError(lowerFirst(message), span);
  }

  /** Calcite's "Cannot apply 'SUM' to arguments of type 'SUM(<VARCHAR(256)>)'" in our words. */
  private static String typeMismatch(String function, String argumentTypes) {
    boolean string = argumentTypes.contains("VARCHAR") || argumentTypes.contains("CHAR");
    if (function.equals("GLOB")) {
      return "~ (glob) needs a string field, and this one is a number";
    }
    return function + "() needs a numeric field, and its argument is "
        + (string ? "a string" : "not a number (" + argumentTypes + ")");
  }

  private static String lowerFirst(String s) {
    boolean acronym = s.length() > 1 && Character.isUpperCase(s.charAt(1));
    return s.isEmpty() || acronym ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
