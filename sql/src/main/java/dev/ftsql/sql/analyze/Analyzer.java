package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.EventCatalog;
import dev.ftsql.sql.catalog.EventFormat;
import dev.ftsql.sql.query.EventSource;
import dev.ftsql.sql.query.JoinChain;
import dev.ftsql.sql.query.JoinOutput;
import dev.ftsql.sql.query.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * SQL text to a {@link Query}: parse, resolve the FROM events in the catalog, validate with Calcite,
 * then read the meaning off the validated tree. A join becomes a {@link JoinChain} whose synthetic
 * event is the FROM of the histogram. Pure: the catalog is the only input besides the text.
 */
public final class Analyzer {
  private final EventCatalog catalog;

  public Analyzer(EventCatalog catalog) {
    this.catalog = catalog;
  }

  public Query analyze(String sql) {
    ParsedStatement st = StatementParser.parse(sql);
    Shape parsed = Shape.of(st.node(), st);
    if (parsed.join() == null) {
      return single(st, parsed);
    }
    JoinTree tree = JoinTree.of(parsed.join().getFrom(), st);
    Map<List<String>, EventFormat> tables = new LinkedHashMap<>();
    List<EventFormat> formats = new ArrayList<>();
    List<EventSource> events = new ArrayList<>();
    EventResolver resolver = new EventResolver(catalog);
    for (JoinTree.Table t : tree.tables()) {
      EventFormat f = resolver.resolve(t.names(), t.span());
      tables.put(t.names(), f);
      formats.add(f);
      events.add(new EventSource(f.system(), f.name(), t.alias(), t.span()));
    }
    expandTimestampDelta(parsed.join(), tree);
    Validation.Validated validated = Validation.validate(st, tables);
    Shape checked = Shape.of(validated.node(), st);
    List<String> aliases = tree.tables().stream().map(JoinTree.Table::alias).toList();
    JoinColumns columns = new JoinColumns(aliases, formats, st);
    String name = parsed.name() == null ? "" : parsed.name();
    JoinChain chain = new JoinAnalysis(st, columns, events, tree.joins()).analyze(checked.join(), name);
    EventFormat synthetic = SyntheticFormat.of(name, chain.outputs());
    SqlSelect outer = checked.outer() == checked.join() ? implicitOuter(checked.join(), chain) : checked.outer();
    String alias = parsed.alias() == null ? name : parsed.alias();
    EventSource source = new EventSource(SyntheticFormat.SYSTEM, name, alias, st.span(outer));
    Query q = new SelectAnalysis(st, outer, new ColumnResolver(synthetic, alias, st), source).query();
    return new Query(q.sql(), q.event(), q.keys(), q.aggregates(), q.columns(), q.where(), q.orderBy(),
        q.limit(), q.having(), Optional.of(chain));
  }

  private Query single(ParsedStatement st, Shape parsed) {
    SqlSelect select = parsed.outer();
    SqlNode from = select.getFrom();
    if (from == null) {
      throw new SqlError("SELECT needs FROM <event>", st.span(select));
    }
    String alias = null;
    SqlNode table = from;
    if (from.getKind() == SqlKind.AS) {
      table = ((SqlCall) from).operand(0);
      alias = ((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple();
    }
    if (!(table instanceof SqlIdentifier id)) {
      throw new SqlError("FROM takes an event name, a JOIN, or one subquery", st.span(table));
    }
    EventFormat event = new EventResolver(catalog).resolve(id.names, st.span(id));
    for (SqlNode item : select.getSelectList()) {
      SqlNode expr = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
      if (expr instanceof SqlIdentifier delta && delta.isSimple() && delta.getSimple().startsWith("TIMESTAMP_DELTA")) {
        throw new SqlError(delta.getSimple() + " is the time between a join's events: it needs FROM a JOIN b ON ...",
            st.span(delta));
      }
    }
    Validation.Validated validated = Validation.validate(st, Map.of(id.names, event));
    SqlSelect checked = Shape.of(validated.node(), st).outer();
    String name = alias == null ? event.name() : alias;
    ColumnResolver columns = new ColumnResolver(event, name, st);
    EventSource source = new EventSource(event.system(), event.name(), name, st.span(from));
    return new SelectAnalysis(st, checked, columns, source).query();
  }

  /**
   * sqlhist's bare TIMESTAMP_DELTA[_USECS]: the last event's timestamp minus the first's, written
   * out so Calcite and the rest see ordinary arithmetic.
   */
  private static void expandTimestampDelta(SqlSelect join, JoinTree tree) {
    String first = tree.tables().get(0).alias();
    String last = tree.tables().get(tree.tables().size() - 1).alias();
    SqlNodeList items = join.getSelectList();
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      SqlNode expr = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
      if (expr instanceof SqlIdentifier id && id.isSimple()
          && (id.getSimple().equals("TIMESTAMP_DELTA") || id.getSimple().equals("TIMESTAMP_DELTA_USECS"))) {
        String field = id.getSimple().endsWith("USECS") ? "TIMESTAMP_USECS" : "common_timestamp";
        SqlParserPos pos = id.getParserPosition();
        SqlNode delta = SqlStdOperatorTable.MINUS.createCall(pos,
            new SqlIdentifier(List.of(last, field), pos), new SqlIdentifier(List.of(first, field), pos));
        if (item.getKind() == SqlKind.AS) {
          ((SqlCall) item).setOperand(0, delta);
        } else {
          items.set(i, SqlStdOperatorTable.AS.createCall(pos, delta,
              new SqlIdentifier(id.getSimple().endsWith("USECS") ? "delta_usecs" : "delta", pos)));
        }
      }
    }
  }

  /** A bare join's histogram: keyed on every column (sqlhist's form), ORDER BY and LIMIT kept. */
  private static SqlSelect implicitOuter(SqlSelect join, JoinChain chain) {
    SqlNodeList items = new SqlNodeList(join.getSelectList().getParserPosition());
    for (int i = 0; i < chain.outputs().size(); i++) {
      SqlParserPos pos = join.getSelectList().get(i).getParserPosition();
      JoinOutput output = chain.outputs().get(i);
      SqlNode column = new SqlIdentifier(output.name(), pos);
      items.add(switch (output.display()) {
        // How the kernel shows a key belongs to the histogram on the synthetic event.
        case HEX -> FtraceOperators.HEX.createCall(pos, column);
        case SYM -> FtraceOperators.SYM.createCall(pos, column);
        case SYM_OFFSET -> FtraceOperators.SYM_OFFSET.createCall(pos, column);
        case SYSCALL -> FtraceOperators.SYSCALL_NAME.createCall(pos, column);
        default -> column;
      });
    }
    return new SqlSelect(join.getParserPosition(), null, items, join.getFrom(), null, null, null, null,
        join.getOrderList(), null, join.getFetch(), null);
  }

  /**
   * Where the parts of a statement are: the SELECT that makes the histogram ({@code outer}) and,
   * for a join, the SELECT with the JOIN ({@code join}, the same node for a bare join), with the
   * name (WITH) and alias (subquery) of its result.
   */
  private record Shape(SqlSelect outer, SqlSelect join, String name, String alias) {
    static Shape of(SqlNode node, ParsedStatement st) {
      if (node instanceof SqlOrderBy ob && ob.query instanceof SqlWith with) {
        // Calcite's parser puts the ORDER BY / LIMIT of a WITH statement outside it.
        Shape inner = of(with, st);
        if (inner.outer().getOrderList() == null && ob.orderList != null && !ob.orderList.isEmpty()) {
          inner.outer().setOrderBy(ob.orderList);
        }
        if (inner.outer().getFetch() == null && ob.fetch != null) {
          inner.outer().setFetch(ob.fetch);
        }
        if (inner.outer().getOffset() == null && ob.offset != null) {
          inner.outer().setOffset(ob.offset);
        }
        return inner;
      }
      if (node instanceof SqlWith with) {
        if (with.withList.size() != 1) {
          throw new SqlError("WITH takes one join (its synthetic event)", st.span(with.withList));
        }
        SqlWithItem item = (SqlWithItem) with.withList.get(0);
        SqlSelect join = select(item.query, st);
        if (!(join.getFrom() instanceof SqlJoin)) {
          throw new SqlError("WITH names a join (SELECT ... FROM a JOIN b ON ...)", st.span(item.query));
        }
        SqlSelect outer = select(with.body, st);
        requireFrom(outer, item.name.getSimple(), st);
        return new Shape(outer, join, item.name.getSimple(), null);
      }
      SqlSelect outer = select(node, st);
      SqlNode from = outer.getFrom();
      if (from instanceof SqlJoin) {
        return new Shape(outer, outer, null, null);
      }
      SqlNode inner = from;
      String alias = null;
      if (from != null && from.getKind() == SqlKind.AS) {
        inner = ((SqlCall) from).operand(0);
        alias = ((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple();
      }
      if (inner instanceof SqlSelect || inner instanceof SqlOrderBy) {
        SqlSelect join = select(inner, st);
        if (!(join.getFrom() instanceof SqlJoin)) {
          throw new SqlError("a subquery in FROM must be a join (SELECT ... FROM a JOIN b ON ...)", st.span(inner));
        }
        return new Shape(outer, join, alias, alias);
      }
      return new Shape(outer, null, null, null);
    }

    private static void requireFrom(SqlSelect outer, String name, ParsedStatement st) {
      if (!(outer.getFrom() instanceof SqlIdentifier id) || !id.getSimple().equals(name)) {
        SourceSpan at = outer.getFrom() == null ? st.span(outer) : st.span(outer.getFrom());
        throw new SqlError("the histogram must read FROM " + name, at);
      }
    }

    private static SqlSelect select(SqlNode node, ParsedStatement st) {
      SqlNode n = node instanceof SqlOrderBy ob ? ob.query : node;
      if (n instanceof SqlSelect s) {
        return s;
      }
      throw new SqlError("only SELECT statements compile to histograms", st.span(n));
    }
  }
}
