package dev.ftsql.sql.dialect;

import dev.ftsql.sql.SqlError;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Rewrites sqlhist's spellings into standard SQL for Calcite's core parser: {@code "str"}, {@code
 * \word}, {@code && || == != !}, {@code field ~ "glob"}, hex and octal numbers, commas between
 * WHERE conditions and ON equalities, hist modifiers as CAST targets, and reserved words used as
 * names ({@code start.pid}, {@code AS end}, {@code e.TIMESTAMP}). Standard SQL passes through.
 */
public final class Dialect {
  /**
   * The parser configuration the rewritten text is meant for: back-quoted names, case kept; LENIENT
   * allows {@code !=}, LIMIT and unaliased sub-queries.
   */
  public static final SqlParser.Config PARSER_CONFIG =
      SqlParser.config().withLex(Lex.JAVA).withConformance(SqlConformanceEnum.LENIENT);

  private Dialect() {}

  /**
   * Normalizes {@code sql}.
   *
   * @throws SqlError on a lexical error (unterminated string, stray character, malformed number),
   *     with a span in {@code sql}
   */
  public static NormalizedSql normalize(String sql) {
    return new Rewriter(sql, Lexer.lex(sql)).run();
  }
}
