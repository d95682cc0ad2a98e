package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/** A FROM clause as a left-deep list: the first event, then each JOINed event with its ON. */
record JoinTree(List<Table> tables, List<Joined> joins) {

  /** An event named in FROM: its name parts, the alias used for it, and where. */
  record Table(List<String> names, String alias, SourceSpan span) {}

  /** The ON condition of the join that adds table {@code index}. */
  record Joined(int index, SqlNode condition, SourceSpan span) {}

  static JoinTree of(SqlNode from, ParsedStatement st) {
    List<Table> tables = new ArrayList<>();
    List<Joined> joins = new ArrayList<>();
    walk(from, st, tables, joins);
    List<String> seen = new ArrayList<>();
    for (Table t : tables) {
      if (seen.contains(t.alias())) {
        throw new SqlError("'" + t.alias() + "' names two events; give each an alias "
            + "(FROM sched_switch AS a JOIN sched_switch AS b ON ...)", t.span());
      }
      seen.add(t.alias());
    }
    return new JoinTree(tables, joins);
  }

  private static void walk(SqlNode node, ParsedStatement st, List<Table> tables, List<Joined> joins) {
    if (node instanceof SqlJoin join) {
      if (join.getJoinType() != JoinType.INNER) {
        String kind = join.getJoinType() == JoinType.COMMA ? "a comma join" : join.getJoinType() + " JOIN";
        throw new SqlError(kind + " is not supported: events are matched with JOIN ... ON (an inner stream join)",
            st.span(join));
      }
      if (join.getConditionType() != JoinConditionType.ON || join.getCondition() == null) {
        throw new SqlError("a JOIN needs ON with the keys that match the events (a.pid = b.next_pid)",
            st.span(join.getRight()));
      }
      walk(join.getLeft(), st, tables, joins);
      if (join.getRight() instanceof SqlJoin) {
        throw new SqlError("write chains left to right: a JOIN b ON ... JOIN c ON ...", st.span(join.getRight()));
      }
      walk(join.getRight(), st, tables, joins);
      joins.add(new Joined(tables.size() - 1, join.getCondition(), st.span(join)));
      return;
    }
    SqlNode table = node;
    String alias = null;
    if (node.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) node;
      table = as.operand(0);
      alias = ((SqlIdentifier) as.operand(1)).getSimple();
    }
    if (!(table instanceof SqlIdentifier id)) {
      throw new SqlError("a join takes events, not subqueries", st.span(table));
    }
    tables.add(new Table(id.names, alias == null ? id.names.get(id.names.size() - 1) : alias, st.span(node)));
  }
}
