package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.query.Column;
import dev.ftsql.sql.query.ColumnKind;
import dev.ftsql.sql.query.Display;
import dev.ftsql.sql.query.EventSource;
import dev.ftsql.sql.query.Expr;
import dev.ftsql.sql.query.JoinChain;
import dev.ftsql.sql.query.JoinOutput;
import dev.ftsql.sql.query.JoinStep;
import dev.ftsql.sql.query.Predicate;
import dev.ftsql.sql.query.SynthType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/** Reads a JOIN's events, ON keys, per-event filters and result columns off a validated SELECT. */
final class JoinAnalysis {
  /** Kernel limit on synthetic fields that one trigger can fill (its variable references). */
  static final int MAX_FIELDS = 16;

  private static final Pattern GOOD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ParsedStatement st;
  private final JoinColumns columns;
  private final List<EventSource> events;
  private final List<JoinTree.Joined> joins;

  JoinAnalysis(ParsedStatement st, JoinColumns columns, List<EventSource> events, List<JoinTree.Joined> joins) {
    this.st = st;
    this.columns = columns;
    this.events = events;
    this.joins = joins;
  }

  JoinChain analyze(SqlSelect select, String name) {
    if (select.getGroup() != null && !select.getGroup().isEmpty() || select.getHaving() != null) {
      throw new SqlError("GROUP BY over a join is written WITH j AS (SELECT ... FROM a JOIN b ON ...) "
          + "SELECT ... FROM j GROUP BY ...", st.span(select.getGroup() != null ? select.getGroup() : select.getHaving()));
    }
    List<JoinStep> steps = new ArrayList<>();
    for (int k = 1; k < events.size(); k++) {
      steps.add(step(k, joins.get(k - 1)));
    }
    Map<Integer, Predicate> filters = filters(select.getWhere());
    List<JoinOutput> outputs = outputs(select);
    return new JoinChain(name, events, steps, outputs, filters);
  }

  private JoinStep step(int k, JoinTree.Joined joined) {
    List<SqlNode> equalities = new ArrayList<>();
    conjuncts(joined.condition(), equalities);
    List<JoinStep.KeyPair> pairs = new ArrayList<>();
    for (SqlNode eq : equalities) {
      if (eq.getKind() == SqlKind.OR) {
        throw new SqlError("ON cannot use OR: the kernel matches events on equal keys only", st.span(eq));
      }
      if (eq.getKind() != SqlKind.EQUALS) {
        throw new SqlError("ON needs equalities between the events' fields (a.x = b.y): the kernel matches on "
            + "equal keys", st.span(eq));
      }
      SqlCall call = (SqlCall) eq;
      if (!(call.operand(0) instanceof SqlIdentifier l) || !(call.operand(1) instanceof SqlIdentifier r)) {
        throw new SqlError("ON compares fields, not expressions or constants", st.span(eq));
      }
      Expr.ColumnRef a = columns.resolve(l);
      Expr.ColumnRef b = columns.resolve(r);
      if (a.event() == k && b.event() < k) {
        Expr.ColumnRef t = a;
        a = b;
        b = t;
      }
      if (b.event() != k || a.event() >= k) {
        throw new SqlError("each ON must relate " + columns.alias(k) + " to an event joined before it",
            st.span(eq));
      }
      compatibleKeys(a, b, eq);
      pairs.add(new JoinStep.KeyPair(a, b));
    }
    if (pairs.size() > 3) {
      throw new SqlError("too many ON keys: the kernel matches on at most 3", st.span(equalities.get(3)));
    }
    return new JoinStep(k, pairs);
  }

  /** Keys match only byte for byte: numbers with numbers, strings of the same layout. */
  private void compatibleKeys(Expr.ColumnRef a, Expr.ColumnRef b, SqlNode at) {
    Column x = a.column();
    Column y = b.column();
    for (Column c : List.of(x, y)) {
      if (c.kind() == ColumnKind.STACKTRACE || c.kind() == ColumnKind.ARRAY || c.kind() == ColumnKind.COMM
          || c.kind() == ColumnKind.TIMESTAMP) {
        throw new SqlError("'" + c.field() + "' cannot be a join key", st.span(at));
      }
    }
    boolean bothNumbers = x.kind().isNumeric() && y.kind().isNumeric();
    boolean sameStrings = x.kind() == y.kind() && x.kind().isString() && x.size() == y.size();
    if (!bothNumbers && !sameStrings) {
      throw new SqlError("keys of different layout never match: " + describe(x) + " vs " + describe(y),
          st.span(at));
    }
  }

  private static String describe(Column c) {
    return c.field() + " is " + switch (c.kind()) {
      case FIXED_STRING -> "char[" + c.size() + "]";
      case DYNAMIC_STRING -> "a dynamic string (char[])";
      default -> "a number";
    };
  }

  private static void conjuncts(SqlNode node, List<SqlNode> out) {
    if (node != null && node.getKind() == SqlKind.AND) {
      for (SqlNode n : ((SqlCall) node).getOperandList()) {
        conjuncts(n, out);
      }
    } else if (node != null) {
      out.add(node);
    }
  }

  /** WHERE conjuncts go to the event they name; a conjunct that spans events is refused. */
  private Map<Integer, Predicate> filters(SqlNode where) {
    List<SqlNode> parts = new ArrayList<>();
    conjuncts(where, parts);
    Map<Integer, List<Predicate>> byEvent = new LinkedHashMap<>();
    for (SqlNode part : parts) {
      Set<Integer> owners = new HashSet<>();
      collectEvents(part, owners);
      if (owners.size() != 1) {
        String why = part.getKind() == SqlKind.OR
            ? "an OR across events cannot be filtered: each event's filter sees only that event"
            : owners.isEmpty() ? "a condition must test a field of an event"
            : "a condition on two events cannot be filtered: each event's filter sees only that event";
        throw new SqlError(why, st.span(part));
      }
      int event = owners.iterator().next();
      Predicate p = new PredicateBuilder(columns.resolver(event), st).build(part);
      byEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(p);
    }
    Map<Integer, Predicate> out = new HashMap<>();
    byEvent.forEach((event, ps) -> out.put(event, ps.size() == 1 ? ps.get(0)
        : new Predicate.And(flatten(ps), ps.get(0).span().union(ps.get(ps.size() - 1).span()))));
    return out;
  }

  private static List<Predicate> flatten(List<Predicate> ps) {
    List<Predicate> out = new ArrayList<>();
    for (Predicate p : ps) {
      if (p instanceof Predicate.And and) {
        out.addAll(and.operands());
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private void collectEvents(SqlNode node, Set<Integer> out) {
    if (node instanceof SqlIdentifier id) {
      out.add(columns.eventOf(id));
    } else if (node instanceof SqlCall call) {
      for (SqlNode n : call.getOperandList()) {
        if (n != null) {
          collectEvents(n, out);
        }
      }
    }
  }

  private List<JoinOutput> outputs(SqlSelect select) {
    List<JoinOutput> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (SqlNode item : select.getSelectList()) {
      SqlNode expr = item;
      String alias = null;
      if (item.getKind() == SqlKind.AS) {
        expr = ((SqlCall) item).operand(0);
        alias = ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
      }
      if (expr instanceof SqlIdentifier id && id.isStar()) {
        throw new SqlError("SELECT * is not supported: name the columns the join produces", st.span(item));
      }
      Expr e = expr(expr);
      int ops = operators(e);
      if (ops > KeyExpression.MAX_OPERATORS) {
        throw new SqlError("expression has " + ops + " operators; the kernel allows at most "
            + KeyExpression.MAX_OPERATORS, st.span(expr));
      }
      checkUnits(e);
      SynthType type = type(e);
      String name = alias != null ? alias : derivedName(e, names);
      if (!GOOD_NAME.matcher(name).matches()) {
        throw new SqlError("'" + name + "' cannot name a synthetic-event field: use letters, digits and _",
            st.span(item));
      }
      if (!names.add(name)) {
        throw new SqlError("two columns are named '" + name + "'; give one an alias", st.span(item));
      }
      Display display = e instanceof Expr.ColumnRef ref ? ref.display() : Display.PLAIN;
      if (e instanceof Expr.ColumnRef ref && ref.display() == Display.EXECNAME) {
        display = Display.PLAIN;
      }
      out.add(new JoinOutput(name, e, type, display, st.span(item)));
    }
    if (out.size() > MAX_FIELDS) {
      throw new SqlError("a join can produce at most " + MAX_FIELDS + " columns (the kernel's variable "
          + "references per trigger)", st.span(select.getSelectList().get(MAX_FIELDS)));
    }
    return out;
  }

  private Expr expr(SqlNode node) {
    SourceSpan span = st.span(node);
    if (node instanceof SqlIdentifier id) {
      Expr.ColumnRef ref = columns.resolve(id);
      if (ref.column().kind() == ColumnKind.COMM) {
        throw new SqlError("COMM can only be filtered on; use execname(" + columns.alias(ref.event())
            + ".common_pid) for the task name", span);
      }
      if (ref.column().kind() == ColumnKind.ARRAY) {
        throw new SqlError("'" + ref.column().field() + "' is an array, which a hist trigger cannot pass on", span);
      }
      return ref;
    }
    java.util.Optional<BigInteger> constant = Literals.integer(node, st);
    if (constant.isPresent()) {
      if (constant.get().signum() < 0) {
        throw new SqlError("the kernel's expressions take no negative constants", span);
      }
      return new Expr.Constant(constant.get(), span);
    }
    if (!(node instanceof SqlBasicCall call)) {
      throw new SqlError("expected a field, a number or arithmetic", span);
    }
    switch (call.getKind()) {
      case PLUS, MINUS, TIMES, DIVIDE -> {
        char op = switch (call.getKind()) {
          case PLUS -> '+';
          case MINUS -> '-';
          case TIMES -> '*';
          default -> '/';
        };
        Expr l = expr(call.operand(0));
        Expr r = expr(call.operand(1));
        for (Expr operand : List.of(l, r)) {
          if (operand instanceof Expr.ColumnRef ref && !ref.column().kind().isNumeric()) {
            throw new SqlError("'" + ref.column().field() + "' is not a number; the kernel computes with numbers only",
                ref.span());
          }
        }
        return new Expr.Binary(op, l, r, span);
      }
      case MINUS_PREFIX -> {
        return new Expr.Negate(expr(call.operand(0)), span);
      }
      default -> {
        return displayed(call, span);
      }
    }
  }

  /** {@code execname(a.common_pid)}, {@code sym(b.call_site)}, {@code CAST(x AS HEX)}...: a column and its display. */
  private Expr displayed(SqlBasicCall call, SourceSpan span) {
    Display display;
    long buckets = 0;
    SqlNode arg = call.operand(0);
    if (call.getOperator() == FtraceOperators.FT_CAST) {
      String target = Literals.string(call.operand(1)).orElse("").toLowerCase(Locale.ROOT);
      display = KeyExpression.castDisplay(target);
      if (display == null) {
        throw new SqlError("CAST(... AS " + target + ") does not apply to a join column", span);
      }
    } else {
      display = KeyExpression.displayOf(call.getOperator());
      if (display == null) {
        throw new SqlError("'" + call.getOperator().getName() + "' cannot be computed by the kernel", span);
      }
      if (display == Display.BUCKETS) {
        throw new SqlError("bucket() groups a histogram key: use it in the outer GROUP BY of WITH j AS (...)", span);
      }
    }
    if (!(arg instanceof SqlIdentifier id)) {
      throw new SqlError(call.getOperator().getName() + "() takes a field", st.span(arg));
    }
    Expr.ColumnRef ref = columns.resolve(id);
    KeyExpression checked = KeyExpression.withDisplay(ref.column(), display, buckets, span);
    return new Expr.ColumnRef(ref.event(), checked.column(), display, span);
  }

  private static int operators(Expr e) {
    if (e instanceof Expr.Binary b) {
      return 1 + operators(b.left()) + operators(b.right());
    }
    if (e instanceof Expr.Negate n) {
      return 1 + operators(n.operand());
    }
    return 0;
  }

  /** The kernel refuses to mix µs timestamps with anything that is not a µs timestamp. */
  private void checkUnits(Expr e) {
    if (!(e instanceof Expr.Binary || e instanceof Expr.Negate)) {
      return;
    }
    List<Expr> leaves = new ArrayList<>();
    leaves(e, leaves);
    boolean anyUsecs = leaves.stream().anyMatch(JoinAnalysis::isUsecs);
    if (anyUsecs && !leaves.stream().allMatch(JoinAnalysis::isUsecs)) {
      throw new SqlError("the kernel cannot mix µs timestamps (TIMESTAMP_USECS) with other values in one "
          + "expression; use nanoseconds (common_timestamp) and divide: (b.common_timestamp - a.common_timestamp) / 1000",
          e.span());
    }
  }

  private static boolean isUsecs(Expr e) {
    return e instanceof Expr.ColumnRef ref && ref.column().kind() == ColumnKind.TIMESTAMP && ref.column().usecs();
  }

  private static void leaves(Expr e, List<Expr> out) {
    if (e instanceof Expr.Binary b) {
      leaves(b.left(), out);
      leaves(b.right(), out);
    } else if (e instanceof Expr.Negate n) {
      leaves(n.operand(), out);
    } else {
      out.add(e);
    }
  }

  /** The kernel types an expression as its left operand. */
  private SynthType type(Expr e) {
    if (e instanceof Expr.Binary b) {
      return type(b.left());
    }
    if (e instanceof Expr.Negate n) {
      return type(n.operand());
    }
    if (e instanceof Expr.Constant) {
      return SynthType.number(8, false);
    }
    Expr.ColumnRef ref = (Expr.ColumnRef) e;
    if (ref.column().kind() == ColumnKind.COMM || ref.column().kind() == ColumnKind.ARRAY) {
      throw new SqlError("'" + ref.column().field() + "' cannot be a join column", ref.span());
    }
    return SynthType.of(ref.column(), ref.display(), columns.declaredType(ref));
  }

  private String derivedName(Expr e, Set<String> taken) {
    String base;
    if (e instanceof Expr.ColumnRef ref) {
      base = ref.column().kind() == ColumnKind.STACKTRACE ? "stack"
          : ref.column().kind() == ColumnKind.TIMESTAMP ? "ts"
          : ref.display() == Display.EXECNAME ? "comm" : ref.column().field();
      if (taken.contains(base)) {
        base = columns.alias(ref.event()) + "_" + base;
      }
    } else if (isTimestampDifference(e)) {
      base = "lat";
    } else {
      base = "expr";
    }
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }

  private static boolean isTimestampDifference(Expr e) {
    return e instanceof Expr.Binary b && b.op() == '-'
        && b.left() instanceof Expr.ColumnRef l && l.column().kind() == ColumnKind.TIMESTAMP
        && b.right() instanceof Expr.ColumnRef r && r.column().kind() == ColumnKind.TIMESTAMP;
  }
}
