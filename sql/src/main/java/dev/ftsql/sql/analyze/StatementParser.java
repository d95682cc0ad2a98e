package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.dialect.Dialect;
import dev.ftsql.sql.dialect.NormalizedSql;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/** Text to Calcite {@link SqlNode}: dialect normalization, Calcite's core parser, sqlhist rewrites. */
public final class StatementParser {
  /** Back-quoted, case-kept, case-sensitive identifiers; {@code !=}, LIMIT and friends allowed. */
  public static final SqlParser.Config CONFIG =
      SqlParser.config().withLex(Lex.JAVA).withConformance(SqlConformanceEnum.LENIENT);

  private StatementParser() {}

  public static ParsedStatement parse(String sql) {
    Warmup.awaitDone();
    if (sql.isBlank()) {
      throw new SqlError("empty statement: write a SELECT, e.g. SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm");
    }
    NormalizedSql normalized = Dialect.normalize(withoutFinalSemicolon(sql));
    SqlNode node;
    try {
      node = SqlParser.create(normalized.text(), CONFIG).parseQuery();
    } catch (SqlParseException e) {
      throw syntaxError(normalized, e);
    }
    return new ParsedStatement(normalized, orderInsideWith(node).accept(new SqlhistRewriter()));
  }

  /**
   * A statement typed at a prompt often ends in ';', which Calcite's single-statement parser
   * refuses. Blanked rather than cut, so offsets stay those of the user's text.
   */
  private static String withoutFinalSemicolon(String sql) {
    int end = sql.length();
    while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
      end--;
    }
    if (end > 0 && sql.charAt(end - 1) == ';') {
      return sql.substring(0, end - 1) + " " + sql.substring(end);
    }
    return sql;
  }

  /**
   * Calcite's parser puts the ORDER BY / LIMIT of {@code WITH ... SELECT ... ORDER BY} around the
   * WITH, where its validator treats the SELECT as non-aggregating; it belongs to the body.
   */
  private static SqlNode orderInsideWith(SqlNode node) {
    if (node instanceof org.apache.calcite.sql.SqlOrderBy ob && ob.query instanceof org.apache.calcite.sql.SqlWith with) {
      SqlNode body = new org.apache.calcite.sql.SqlOrderBy(ob.getParserPosition(), with.body, ob.orderList, ob.offset, ob.fetch);
      return new org.apache.calcite.sql.SqlWith(with.getParserPosition(), with.withList, body);
    }
    return node;
  }

  private static SqlError syntaxError(NormalizedSql src, SqlParseException e) {
    SqlParserPos pos = e.getPos();
    SourceSpan span;
    if (pos == null || pos.getLineNum() <= 0) {
      span = SourceSpan.at(Math.max(0, src.original().length() - 1));
    } else {
      int start = src.offsetOf(pos.getLineNum(), pos.getColumnNum());
      int end = src.offsetOf(pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
      span = src.originalSpan(start, Math.max(end, start + 1));
    }
    String first = firstLine(e.getMessage());
    if (first.startsWith("Non-query expression")) {
      return new SqlError("only SELECT statements compile to histograms", span);
    }
    return new SqlError("syntax error: " + first, span);
  }

  /** Calcite appends ~170 expected tokens; users need the first line, without its position. */
  static String firstLine(String message) {
    String line = message == null ? "unexpected input" : message.strip().lines().findFirst().orElse("");
    line = line.replaceAll(" at line \\d+, column \\d+", "");
    if (line.endsWith(".")) {
      line = line.substring(0, line.length() - 1);
    }
    return line;
  }
}
