package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.EventCatalog;
import dev.ftsql.sql.catalog.EventFormat;
import dev.ftsql.sql.query.EventSource;
import dev.ftsql.sql.query.Query;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

/**
 * SQL text to a {@link Query}: parse, resolve the FROM event in the catalog, validate with Calcite,
 * then read the meaning off the validated tree. Pure: the catalog is the only input besides the
 * text.
 */
public final class Analyzer {
  private final EventCatalog catalog;

  public Analyzer(EventCatalog catalog) {
    this.catalog = catalog;
  }

  public Query analyze(String sql) {
    ParsedStatement st = StatementParser.parse(sql);
    SqlSelect select = outerSelect(st);
    From from = from(select, st);
    Validation.Validated validated = Validation.validate(st, Map.of(from.names(), from.event()));
    SqlSelect checked = outerSelect(validated.node(), st);
    ColumnResolver columns = new ColumnResolver(from.event(), from.alias(), st);
    EventSource source =
        new EventSource(from.event().system(), from.event().name(), from.alias(), from.span());
    return new SelectAnalysis(st, checked, columns, source).query();
  }

  private static SqlSelect outerSelect(ParsedStatement st) {
    return outerSelect(st.node(), st);
  }

  private static SqlSelect outerSelect(SqlNode node, ParsedStatement st) {
    SqlNode n = node instanceof SqlOrderBy ob ? ob.query : node;
    if (n instanceof SqlWith with) {
      throw new SqlError("WITH (a histogram over a join) is not supported yet", st.span(with));
    }
    if (n instanceof SqlSelect select) {
      return select;
    }
    throw new SqlError("only SELECT statements compile to histograms", st.span(n));
  }

  private record From(List<String> names, EventFormat event, String alias, SourceSpan span) {}

  private From from(SqlSelect select, ParsedStatement st) {
    SqlNode from = select.getFrom();
    if (from == null) {
      throw new SqlError("SELECT needs FROM <event>", st.span(select));
    }
    String alias = null;
    SqlNode table = from;
    if (from.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) from;
      table = as.operand(0);
      alias = ((SqlIdentifier) as.operand(1)).getSimple();
    }
    if (table instanceof SqlJoin join) {
      throw new SqlError("JOIN (latency between events) is not supported yet", st.span(join));
    }
    if (!(table instanceof SqlIdentifier id)) {
      throw new SqlError("FROM takes an event name (a subquery is not supported yet)", st.span(table));
    }
    EventFormat event = new EventResolver(catalog).resolve(id.names, st.span(id));
    return new From(id.names, event, alias == null ? event.name() : alias, st.span(from));
  }
}
