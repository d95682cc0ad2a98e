package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.dialect.NormalizedSql;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/** A statement parsed by Calcite, and the way back from Calcite positions to the user's text. */
public record ParsedStatement(NormalizedSql source, SqlNode node) {

  public String sql() {
    return source.original();
  }

  public SourceSpan span(SqlNode n) {
    return span(n.getParserPosition());
  }

  public SourceSpan span(SqlParserPos pos) {
    if (pos == null || pos.getLineNum() <= 0) {
      return new SourceSpan(0, Math.max(1, source.original().length()));
    }
    int start = source.offsetOf(pos.getLineNum(), pos.getColumnNum());
    int end = source.offsetOf(pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    return source.originalSpan(start, Math.max(end, start + 1));
  }
}
