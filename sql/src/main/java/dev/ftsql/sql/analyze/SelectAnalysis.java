package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.query.Aggregate;
import dev.ftsql.sql.query.AggregateKind;
import dev.ftsql.sql.query.Column;
import dev.ftsql.sql.query.ColumnKind;
import dev.ftsql.sql.query.CompareOp;
import dev.ftsql.sql.query.Display;
import dev.ftsql.sql.query.EventSource;
import dev.ftsql.sql.query.Key;
import dev.ftsql.sql.query.OutputColumn;
import dev.ftsql.sql.query.Predicate;
import dev.ftsql.sql.query.Query;
import dev.ftsql.sql.query.ResultRef;
import dev.ftsql.sql.query.RowCondition;
import dev.ftsql.sql.query.SortItem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;

/** Reads keys, aggregates, columns, filter, order and limits off one validated SELECT. */
final class SelectAnalysis {
  private final ParsedStatement st;
  private final SqlSelect select;
  private final ColumnResolver columns;
  private final EventSource source;

  private final List<KeyExpression> keys = new ArrayList<>();
  private final List<Boolean> hiddenKeys = new ArrayList<>();
  private final List<Aggregate> aggregates = new ArrayList<>();
  private final List<OutputColumn> outputs = new ArrayList<>();

  SelectAnalysis(ParsedStatement st, SqlSelect select, ColumnResolver columns, EventSource source) {
    this.st = st;
    this.select = select;
    this.columns = columns;
    this.source = source;
  }

  Query query() {
    rejectUnsupported();
    SqlNodeList groupBy = select.getGroup();
    boolean grouped = groupBy != null && !groupBy.isEmpty();
    boolean anyAggregate = select.getSelectList().stream().anyMatch(n -> isAggregate(strip(n)));
    if (grouped) {
      for (SqlNode g : groupBy) {
        addKey(KeyExpression.of(g, columns, st), false);
      }
      selectGrouped();
    } else if (anyAggregate) {
      selectAggregatesOnly();
    } else {
      selectImplicit();
    }
    Optional<Predicate> where =
        Optional.ofNullable(select.getWhere()).map(w -> new PredicateBuilder(columns, st).build(w));
    List<SortItem> order = orderBy();
    Optional<RowCondition> having = Optional.ofNullable(select.getHaving()).map(this::having);
    return new Query(st.sql(), source, keyList(), aggregates, uniqueNames(outputs), where, order, limit(), having, Optional.empty());
  }

  private void rejectUnsupported() {
    if (select.isDistinct()) {
      throw new SqlError("SELECT DISTINCT is not supported: GROUP BY the columns instead", st.span(select));
    }
    if (select.getWindowList() != null && !select.getWindowList().isEmpty()) {
      throw new SqlError("WINDOW is not supported", st.span(select.getWindowList()));
    }
    if (select.getOffset() != null) {
      throw new SqlError("OFFSET is not supported", st.span(select.getOffset()));
    }
    if (select.getQualify() != null) {
      throw new SqlError("QUALIFY is not supported", st.span(select.getQualify()));
    }
    for (SqlNode n : select.getSelectList()) {
      if (n instanceof SqlIdentifier id && id.isStar()) {
        throw new SqlError("SELECT * is not supported: name the keys and aggregates", st.span(n));
      }
    }
  }

  /** GROUP BY: select items are keys (or display functions of keys) and aggregates. */
  private void selectGrouped() {
    for (SqlNode item : select.getSelectList()) {
      SqlNode expr = strip(item);
      if (isAggregate(expr)) {
        outputs.add(aggregateColumn(item, expr));
        continue;
      }
      KeyExpression k = KeyExpression.of(expr, columns, st);
      if (k.counter()) {
        throw new SqlError("CAST(... AS _COUNTER_) is sqlhist's form without GROUP BY; write SUM(x) instead", k.span());
      }
      int index = matchKey(k);
      outputs.add(new OutputColumn(alias(item).orElse(name(k)), OutputColumn.Source.KEY, index, st.span(item)));
    }
  }

  /** A key of the SELECT list must be a GROUP BY key, or a display function of a GROUP BY column. */
  private int matchKey(KeyExpression k) {
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).sameKeyAs(k)) {
        return i;
      }
    }
    for (int i = 0; i < keys.size(); i++) {
      KeyExpression g = keys.get(i);
      if (g.column().field().equals(k.column().field()) && g.display() == Display.PLAIN) {
        if (k.display().isBucketing()) {
          throw new SqlError(k.display().name().toLowerCase(Locale.ROOT)
              + "() changes the grouping; put it in GROUP BY", k.span());
        }
        keys.set(i, new KeyExpression(g.column(), k.display(), k.buckets(), false, g.span()));
        return i;
      }
    }
    throw new SqlError("'" + st.sql().substring(k.span().start(), k.span().end())
        + "' is not a GROUP BY key (or a display function of one)", k.span());
  }

  /** sqlhist's form: no GROUP BY, no aggregates; columns are keys, _COUNTER_ casts are values. */
  private void selectImplicit() {
    List<OutputColumn> values = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      KeyExpression k = KeyExpression.of(strip(item), columns, st);
      if (k.counter()) {
        int index = aggregate(new Aggregate(AggregateKind.SUM, Optional.of(k.column()), false, k.span()));
        outputs.add(new OutputColumn(alias(item).orElse(k.column().field()), OutputColumn.Source.AGGREGATE, index, st.span(item)));
        values.add(outputs.get(outputs.size() - 1));
        continue;
      }
      for (KeyExpression existing : keys) {
        if (existing.column().field().equals(k.column().field()) && existing.sameKeyAs(k)) {
          throw new SqlError("'" + k.column().field() + "' is selected twice", k.span());
        }
      }
      int index = addKey(k, false);
      outputs.add(new OutputColumn(alias(item).orElse(name(k)), OutputColumn.Source.KEY, index, st.span(item)));
    }
    if (keys.isEmpty()) {
      throw new SqlError("not all SELECT items can be _COUNTER_ values: a histogram needs at least one key",
          st.span(select.getSelectList()));
    }
    int count = aggregate(new Aggregate(AggregateKind.COUNT, Optional.empty(), false, st.span(select.getSelectList())));
    outputs.add(new OutputColumn("count", OutputColumn.Source.AGGREGATE, count, st.span(select.getSelectList())));
  }

  /** Aggregates without GROUP BY: one row; the kernel needs a key, so key on a constant field. */
  private void selectAggregatesOnly() {
    Column type = new Column(source.path(), "common_type", ColumnKind.NUMBER, 2, false, false, st.span(select));
    addKey(new KeyExpression(type, Display.PLAIN, 0, false, st.span(select)), true);
    for (SqlNode item : select.getSelectList()) {
      outputs.add(aggregateColumn(item, strip(item)));
    }
  }

  private int addKey(KeyExpression k, boolean hidden) {
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).sameKeyAs(k)) {
        return i;
      }
    }
    if (k.counter()) {
      throw new SqlError("a _COUNTER_ cannot be a GROUP BY key", k.span());
    }
    keys.add(k);
    hiddenKeys.add(hidden);
    return keys.size() - 1;
  }

  private List<Key> keyList() {
    List<Key> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      KeyExpression k = keys.get(i);
      out.add(new Key(k.column(), k.display(), k.buckets(), hiddenKeys.get(i), k.span()));
    }
    return out;
  }

  private OutputColumn aggregateColumn(SqlNode item, SqlNode expr) {
    Aggregate a = aggregateOf((SqlCall) expr);
    int index = aggregate(a);
    return new OutputColumn(alias(item).orElse(name(a)), OutputColumn.Source.AGGREGATE, index, st.span(item));
  }

  private int aggregate(Aggregate a) {
    for (int i = 0; i < aggregates.size(); i++) {
      Aggregate b = aggregates.get(i);
      if (b.kind() == a.kind() && b.argument().map(Column::field).equals(a.argument().map(Column::field))) {
        return i;
      }
    }
    aggregates.add(a);
    return aggregates.size() - 1;
  }

  private Aggregate aggregateOf(SqlCall call) {
    SourceSpan span = st.span(call);
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (call.getFunctionQuantifier() != null && call.getFunctionQuantifier().toValue().equals("DISTINCT")) {
      throw new SqlError(name + "(DISTINCT ...) is not something a hist trigger can compute; "
          + "GROUP BY the column and count the rows instead", span);
    }
    AggregateKind kind =
        switch (call.getKind()) {
          case COUNT -> AggregateKind.COUNT;
          case SUM, SUM0 -> AggregateKind.SUM;
          case AVG -> AggregateKind.AVG;
          case MAX -> AggregateKind.MAX;
          case MIN -> throw new SqlError(
              "MIN is not available: hist triggers keep sums and maxima (onmax), never a minimum", span);
          default -> throw new SqlError("aggregate " + name + " is not supported; use COUNT, SUM, AVG or MAX", span);
        };
    if (kind == AggregateKind.COUNT) {
      return new Aggregate(kind, Optional.empty(), false, span);
    }
    SqlNode arg = call.operand(0);
    boolean hex = false;
    if (arg instanceof SqlCall c && c.getOperator() == FtraceOperators.HEX && kind == AggregateKind.SUM) {
      hex = true;
      arg = c.operand(0);
    }
    if (KeyExpression.isArithmetic(arg)) {
      int ops = KeyExpression.operatorCount(arg);
      if (ops > KeyExpression.MAX_OPERATORS) {
        throw new SqlError("expression has " + ops + " operators; the kernel allows at most "
            + KeyExpression.MAX_OPERATORS, st.span(arg));
      }
      throw new SqlError(name + " of an expression is not supported yet: the kernel never prints a computed "
          + "value except through a synthetic event (a JOIN)", st.span(arg));
    }
    if (!(arg instanceof SqlIdentifier id)) {
      throw new SqlError(name + "() takes a field", st.span(arg));
    }
    Column c = columns.resolve(id);
    if (!c.kind().isNumeric()) {
      throw new SqlError(name + "() needs a numeric field, and '" + c.field() + "' is "
          + (c.kind().isString() ? "a string" : "not a number"), c.span());
    }
    return new Aggregate(kind, Optional.of(c), hex, span);
  }

  private List<SortItem> orderBy() {
    SqlNodeList list = select.getOrderList();
    List<SortItem> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (SqlNode item : list) {
      boolean desc = false;
      SqlNode expr = item;
      if (expr.getKind() == SqlKind.NULLS_FIRST || expr.getKind() == SqlKind.NULLS_LAST) {
        throw new SqlError("NULLS FIRST/LAST does not apply: histogram entries are never null", st.span(item));
      }
      if (expr.getKind() == SqlKind.DESCENDING) {
        desc = true;
        expr = ((SqlCall) expr).operand(0);
      }
      out.add(new SortItem(resultRef(expr, "ORDER BY"), desc, st.span(item)));
    }
    return out;
  }

  /** An ORDER BY / HAVING operand: an ordinal, an alias, an aggregate, or a key expression. */
  private ResultRef resultRef(SqlNode expr, String clause) {
    if (expr instanceof SqlNumericLiteral lit) {
      int ordinal = lit.intValue(true);
      if (ordinal < 1 || ordinal > outputs.size()) {
        throw new SqlError(clause + " position " + ordinal + " is not a column of the SELECT list", st.span(expr));
      }
      OutputColumn c = outputs.get(ordinal - 1);
      return new ResultRef(c.source(), c.index());
    }
    if (expr instanceof SqlIdentifier id && id.isSimple()) {
      for (int i = 0; i < outputs.size(); i++) {
        OutputColumn c = outputs.get(i);
        if (c.name().equals(id.getSimple()) && alias(select.getSelectList().get(Math.min(i, select.getSelectList().size() - 1))).isPresent()) {
          return new ResultRef(c.source(), c.index());
        }
      }
    }
    if (isAggregate(expr)) {
      return new ResultRef(OutputColumn.Source.AGGREGATE, aggregate(aggregateOf((SqlCall) expr)));
    }
    KeyExpression k = KeyExpression.of(expr, columns, st);
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).sameKeyAs(k) || keys.get(i).column().field().equals(k.column().field()) && k.display() == Display.PLAIN) {
        return new ResultRef(OutputColumn.Source.KEY, i);
      }
    }
    throw new SqlError(clause + " must name a key or an aggregate of the histogram", st.span(expr));
  }

  private RowCondition having(SqlNode node) {
    if (!(node instanceof SqlCall call)) {
      throw new SqlError("HAVING needs a comparison, e.g. COUNT(*) > 10", st.span(node));
    }
    switch (call.getKind()) {
      case AND, OR -> {
        List<RowCondition> ops = new ArrayList<>();
        for (SqlNode n : call.getOperandList()) {
          ops.add(having(n));
        }
        return call.getKind() == SqlKind.AND ? new RowCondition.And(ops) : new RowCondition.Or(ops);
      }
      case NOT -> {
        return new RowCondition.Not(having(call.operand(0)));
      }
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        SqlNode left = call.operand(0);
        SqlNode right = call.operand(1);
        CompareOp op = PredicateBuilder.op(call.getKind());
        if (Literals.isLiteral(left)) {
          SqlNode t = left;
          left = right;
          right = t;
          op = op.flipped();
        }
        SqlNode rightNode = right;
        BigInteger value = Literals.integer(right, st).orElseThrow(() ->
            new SqlError("HAVING compares with a number", st.span(rightNode)));
        return new RowCondition.Compare(resultRef(left, "HAVING"), op, new BigDecimal(value));
      }
      default -> throw new SqlError("HAVING supports comparisons with AND, OR and NOT", st.span(node));
    }
  }

  private OptionalLong limit() {
    SqlNode fetch = select.getFetch();
    if (fetch == null) {
      return OptionalLong.empty();
    }
    BigInteger n = Literals.integer(fetch, st).orElseThrow(() -> new SqlError("LIMIT takes a number", st.span(fetch)));
    if (n.signum() < 0 || n.bitLength() > 62) {
      throw new SqlError("LIMIT must be a non-negative number", st.span(fetch));
    }
    return OptionalLong.of(n.longValue());
  }

  private static boolean isAggregate(SqlNode n) {
    return n instanceof SqlBasicCall c && c.getOperator().isAggregator();
  }

  private static SqlNode strip(SqlNode item) {
    return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
  }

  private static Optional<String> alias(SqlNode item) {
    if (item.getKind() == SqlKind.AS) {
      return Optional.of(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
    }
    return Optional.empty();
  }

  private static String name(KeyExpression k) {
    String field = k.column().field();
    return switch (k.display()) {
      case PLAIN, HEX, SYM, SYM_OFFSET, EXECNAME, SYSCALL -> field;
      case USECS -> field + "_usecs";
      case LOG2 -> "log2_" + field;
      case BUCKETS -> "bucket_" + field;
    };
  }

  private static String name(Aggregate a) {
    return a.argument()
        .map(c -> a.kind().name().toLowerCase(Locale.ROOT) + "_" + c.field())
        .orElse("count");
  }

  /** Two columns of the same name get {@code _2}, {@code _3}... so rows stay addressable by name. */
  private static List<OutputColumn> uniqueNames(List<OutputColumn> in) {
    Set<String> seen = new HashSet<>();
    List<OutputColumn> out = new ArrayList<>();
    for (OutputColumn c : in) {
      String name = c.name();
      for (int n = 2; !seen.add(name); n++) {
        name = c.name() + "_" + n;
      }
      out.add(new OutputColumn(name, c.source(), c.index(), c.span()));
    }
    return out;
  }
}
