package dev.ftsql.plan;

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
import dev.ftsql.sql.query.SynthType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link JoinChain} to synthetic events and triggers. Step k matches event k against L_k, which
 * is the first event for k = 1 and the synthetic event of step k-1 after that:
 *
 * <ul>
 *   <li>L_k's trigger is keyed on the left keys and saves in variables what step k needs;
 *   <li>event k's trigger is keyed on the right keys, computes the fields of S_k, and fires S_k with
 *       {@code onmatch(L_k).trace(S_k, ...)}.
 * </ul>
 *
 * S_k carries, besides the result columns computed so far, every value a later step still needs.
 * Every step reads at least one start variable in an expression, so each start row is consumed by
 * the first end row that matches it (the kernel's read-once rule): a stream join.
 */
final class JoinLowering {
  private final KernelProfile profile;
  private final String prefix;
  private final JoinChain chain;
  private final List<String> names;
  private final int n;

  /** S_k's fields, k = 1..n (index 0 unused). */
  private final List<List<Field>> synthetic = new ArrayList<>();

  /** A field of an intermediate or final synthetic event: a result column, or a carried column. */
  private record Field(String name, SynthType type, Optional<JoinOutput> output, Optional<Expr.ColumnRef> carried) {}

  private final PlanOptions options;

  JoinLowering(KernelProfile profile, String prefix, JoinChain chain, String finalName, PlanOptions options) {
    this.profile = profile;
    this.options = options;
    this.prefix = prefix;
    this.chain = chain;
    this.n = chain.events().size() - 1;
    this.names = new ArrayList<>();
    names.add("");
    for (int k = 1; k <= n; k++) {
      names.add(k == n ? finalName : finalName + "_" + k);
    }
    profile.require(Feature.SYNTHETIC_EVENTS, chain.events().get(1).span());
    for (JoinOutput o : chain.outputs()) {
      if (o.type().kind() == ColumnKind.STACKTRACE) {
        profile.require(Feature.STACKTRACE_VARIABLES, o.span());
      }
    }
  }

  String finalName() {
    return names.get(n);
  }

  /**
   * The plan's writes around the histogram on the final synthetic event: first the synthetic
   * events, then {@code histogram}, then the triggers from the last step back to the first. So
   * every trigger on a synthetic event exists before the trigger that fires it (nothing fired during
   * setup is lost, which matters for onmax), and every start trigger before the end trigger that
   * reads its variables. Teardown, the reverse, removes each reader before what it reads.
   */
  List<Step> steps(Step histogram) {
    synthetic.add(List.of());
    for (int k = 1; k <= n; k++) {
      synthetic.add(fieldsOf(k));
    }
    List<Step> out = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      List<TriggerPart> decl = new ArrayList<>();
      for (Field f : synthetic.get(k)) {
        decl.add(new TriggerPart("field", f.type().declare(f.name()), origin(f, k)));
      }
      String what = k == n ? "the join's result" : "step " + k + " of the join, start of step " + (k + 1);
      out.add(new Step.CreateSyntheticEvent(names.get(k), decl, "synthetic event " + names.get(k) + ": " + what));
    }
    out.add(histogram);
    for (int k = n; k >= 1; k--) {
      out.addAll(step(k));
    }
    return out;
  }

  /** The SQL a field comes from: its result column, or the column it carries. */
  private SourceSpan origin(Field f, int k) {
    return f.output().map(JoinOutput::span)
        .orElse(f.carried().map(Expr.ColumnRef::span).orElse(chain.events().get(k).span()));
  }

  private int evalStep(JoinOutput o) {
    return Math.max(1, maxEvent(o.expr()));
  }

  private static int maxEvent(Expr e) {
    if (e instanceof Expr.ColumnRef ref) {
      return ref.event();
    } else if (e instanceof Expr.Binary b) {
      return Math.max(maxEvent(b.left()), maxEvent(b.right()));
    } else if (e instanceof Expr.Negate neg) {
      return maxEvent(neg.operand());
    }
    return 0;
  }

  private List<Field> fieldsOf(int k) {
    List<Field> fields = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (JoinOutput o : chain.outputs()) {
      if (k == n || evalStep(o) <= k) {
        fields.add(new Field(o.name(), o.type(), Optional.of(o), Optional.empty()));
        taken.add(o.name());
      }
    }
    if (k == n) {
      return fields;
    }
    Map<String, Expr.ColumnRef> carried = new LinkedHashMap<>();
    for (JoinOutput o : chain.outputs()) {
      if (evalStep(o) > k) {
        columnsOf(o.expr(), k, carried);
      }
    }
    for (JoinStep s : chain.steps()) {
      if (s.event() > k) {
        for (JoinStep.KeyPair p : s.keys()) {
          columnsOf(p.left(), k, carried);
        }
      }
    }
    for (Expr.ColumnRef c : carried.values()) {
      String base = chain.events().get(c.event()).alias() + "_" + baseName(c);
      String name = base.replaceAll("[^A-Za-z0-9_]", "_");
      for (int i = 2; taken.contains(name); i++) {
        name = base + "_" + i;
      }
      taken.add(name);
      fields.add(new Field(name, carriedType(c), Optional.empty(), Optional.of(c)));
    }
    return fields;
  }

  private static String baseName(Expr.ColumnRef c) {
    return switch (c.column().kind()) {
      case TIMESTAMP -> c.column().usecs() ? "ts_usecs" : "ts";
      case STACKTRACE -> "stack";
      default -> c.display() == Display.EXECNAME ? "comm" : c.column().field();
    };
  }

  /** Columns of events up to {@code k}, keyed so the same column is carried once. */
  private static void columnsOf(Expr e, int k, Map<String, Expr.ColumnRef> out) {
    if (e instanceof Expr.ColumnRef ref && ref.event() <= k) {
      out.putIfAbsent(key(ref), ref);
    } else if (e instanceof Expr.Binary b) {
      columnsOf(b.left(), k, out);
      columnsOf(b.right(), k, out);
    } else if (e instanceof Expr.Negate neg) {
      columnsOf(neg.operand(), k, out);
    }
  }

  private static String key(Expr.ColumnRef ref) {
    return ref.event() + ":" + ref.column().field() + ":" + ref.column().usecs() + ":" + (ref.display() == Display.EXECNAME);
  }

  private SynthType carriedType(Expr.ColumnRef c) {
    for (JoinOutput o : chain.outputs()) {
      if (o.expr() instanceof Expr.ColumnRef r && key(r).equals(key(c))) {
        return o.type();
      }
    }
    return SynthType.of(c.column(), c.display(), "");
  }

  /** The two triggers of step k: variables on L_k, then the computing and firing trigger on event k. */
  private List<Step> step(int k) {
    JoinStep js = chain.steps().get(k - 1);
    EventSource end = chain.events().get(k);
    Vars start = new Vars(prefix + "_s" + k);
    Vars finish = new Vars(prefix + "_e" + k);
    Set<Boolean> startUnits = new HashSet<>();
    Set<Boolean> endUnits = new HashSet<>();
    List<String> params = new ArrayList<>();
    // Result columns that -m/-c can track, by name: each is a variable of this end trigger.
    Map<String, String> trackable = new LinkedHashMap<>();
    boolean consumed = false;
    for (Field f : synthetic.get(k)) {
      Optional<Expr> computed = f.output().filter(o -> evalStep(o) == k).map(JoinOutput::expr);
      // -m/-c VAR needs VAR on this trigger: a start value gets an end variable of its own.
      boolean handled = k == n && options.handler().filter(h -> h.variable().equals(f.name())).isPresent();
      if (computed.isEmpty() || computed.get() instanceof Expr.ColumnRef) {
        SourceSpan origin = computed.isEmpty() ? origin(f, k) : f.output().get().span();
        Optional<Expr.ColumnRef> ref = computed.map(Expr.ColumnRef.class::cast);
        String endText =
            ref.isPresent()
                ? (ref.get().event() == k ? fieldText(ref.get(), endUnits) : null)
                : f.carried().filter(c -> c.event() == k).map(c -> fieldText(c, endUnits)).orElse(null);
        String var;
        if (endText != null) {
          var = finish.plain(endText, origin);
        } else {
          String startText =
              ref.isPresent() ? leftColumnText(ref.get(), k, startUnits) : leftText(f, k, startUnits);
          if (handled) {
            String read = start.fresh(f.name(), startText, origin);
            var = finish.expression(f.name(), "$" + read, origin);
            consumed = true;
          } else {
            var = start.plain(startText, origin);
          }
        }
        if (handled) {
          trackable.put(f.name(), var);
        }
        params.add("$" + var);
        continue;
      }
      Expr e = computed.get();
      ExprText text = new ExprText(k, start, startUnits, endUnits);
      String rendered = text.render(e, 0, false);
      consumed |= text.readsStart;
      String var = finish.expression(f.name(), rendered, f.output().get().span());
      trackable.put(f.name(), var);
      params.add("$" + var);
    }
    if (!consumed) {
      String t = start.fresh("t", "common_timestamp", end.span());
      finish.expression("m", "common_timestamp-$" + t, end.span());
    }
    checkUnits(startUnits, k == 1 ? chain.events().get(0).span() : end.span());
    checkUnits(endUnits, end.span());

    List<TriggerPart> leftKeys = new ArrayList<>();
    List<TriggerPart> rightKeys = new ArrayList<>();
    for (JoinStep.KeyPair p : js.keys()) {
      leftKeys.add(new TriggerPart("key", leftKeyText(p.left(), k), p.left().span()));
      rightKeys.add(new TriggerPart("key", p.right().column().field(), p.right().span()));
    }
    String leftSystem = k == 1 ? chain.events().get(0).system() : "synthetic";
    String leftEvent = k == 1 ? chain.events().get(0).name() : names.get(k - 1);
    Optional<TriggerPart> startFilter = k == 1 ? filter(0) : Optional.empty();
    HistTrigger startTrigger = new HistTrigger(leftKeys, List.of(), List.of(), java.util.OptionalInt.empty(),
        start.parts(), List.of(), startFilter);
    // The kernel refuses action parameters shorter than 2 characters, and trace()'s first one is the
    // event's name: a one-letter event (WITH w AS ...) is fired with the older <event>(...) form.
    String fire = profile.has(Feature.TRACE_ACTION) && names.get(k).length() >= 2
        ? "trace(" + names.get(k) + "," + String.join(",", params) + ")"
        : names.get(k) + "(" + String.join(",", params) + ")";
    List<TriggerPart> actions = k == n && options.handler().isPresent()
        ? handlerActions(options.handler().get(), trackable, fire, end)
        : List.of(new TriggerPart("action", "onmatch(" + leftSystem + "." + leftEvent + ")." + fire, end.span()));
    HistTrigger endTrigger = new HistTrigger(rightKeys, List.of(), List.of(), java.util.OptionalInt.empty(),
        finish.parts(), actions, filter(k));
    limits(start, startTrigger, chain.events().get(k - 1).span());
    limits(finish, endTrigger, end.span());
    return List.of(
        new Step.AddHistTrigger(leftSystem, leftEvent, startTrigger,
            "start of step " + k + ": " + leftSystem + "/" + leftEvent + " saves what " + end.name() + " needs"),
        new Step.AddHistTrigger(end.system(), end.name(), endTrigger,
            "end of step " + k + ": " + end.system() + "/" + end.name() + " matches and fires " + names.get(k)));
  }

  /**
   * sqlhist's {@code -m VAR} / {@code -c VAR} with {@code -S}, {@code -s}, {@code -T}: the result
   * fires on a new maximum (or a change) of VAR instead of on every match. In sqlhist's order: save,
   * trace, snapshot; trace unless only -s or -S was asked for (as trace-cmd sqlhist does).
   */
  private List<TriggerPart> handlerActions(
      PlanOptions.Handler h, Map<String, String> trackable, String fire, EventSource end) {
    String var = trackable.get(h.variable());
    if (var == null) {
      throw new SqlError("-" + (h.kind() == PlanOptions.Handler.Kind.MAX ? "m" : "c") + " " + h.variable()
          + ": the handler needs a column of the result, one of " + synthetic.get(n).stream().map(Field::name).toList(),
          end.span());
    }
    profile.require(Feature.ONMAX, end.span());
    String handler = h.kind().kernel() + "($" + var + ")";
    List<TriggerPart> out = new ArrayList<>();
    if (!options.saveFields().isEmpty()) {
      for (String f : options.saveFields()) {
        if (f.length() < 2 || !f.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new SqlError("-S " + f + ": the kernel saves fields with names of 2 or more letters, digits, _", end.span());
        }
      }
      out.add(new TriggerPart("action", handler + ".save(" + String.join(",", options.saveFields()) + ")", end.span()));
    }
    boolean trace = options.traceAndSnapshot() || !options.snapshot() && options.saveFields().isEmpty();
    if (trace) {
      out.add(new TriggerPart("action", handler + "." + fire, end.span()));
    }
    if (options.snapshot() || options.traceAndSnapshot()) {
      profile.require(Feature.SNAPSHOT, end.span());
      out.add(new TriggerPart("action", handler + ".snapshot()", end.span()));
    }
    return out;
  }

  private Optional<TriggerPart> filter(int event) {
    return Optional.ofNullable(chain.filters().get(event))
        .map(p -> new TriggerPart("filter", new FilterText(profile).render(p), p.span()));
  }

  private static void limits(Vars vars, HistTrigger t, SourceSpan at) {
    if (vars.count() > KernelProfile.MAX_VARIABLES) {
      throw new SqlError("the join needs " + vars.count() + " variables on one trigger; the kernel allows "
          + KernelProfile.MAX_VARIABLES, at);
    }
    if (t.text().length() + 1 > KernelProfile.MAX_LINE) {
      throw new SqlError("a trigger of the join would be " + t.text().length() + " bytes; the kernel takes at most "
          + KernelProfile.MAX_LINE, at);
    }
  }

  /** One trigger's timestamps must all be µs or all ns: one .usecs makes the whole trigger µs. */
  private static void checkUnits(Set<Boolean> units, SourceSpan at) {
    if (units.size() > 1) {
      throw new SqlError("one event's trigger would read timestamps both in ns and in µs (TIMESTAMP_USECS), "
          + "which the kernel cannot do: use one unit throughout", at);
    }
  }

  /** The text that reads a column on its own event's trigger. */
  private String fieldText(Expr.ColumnRef ref, Set<Boolean> units) {
    Column c = ref.column();
    switch (c.kind()) {
      case TIMESTAMP -> {
        units.add(c.usecs());
        return c.usecs() ? "common_timestamp.usecs" : "common_timestamp";
      }
      case STACKTRACE -> {
        profile.require(Feature.STACKTRACE_VARIABLES, ref.span());
        return profile.stacktraceField();
      }
      default -> {
        return ref.display() == Display.EXECNAME ? c.field() + ".execname" : c.field();
      }
    }
  }

  /** A column of an earlier event, as L_k holds it: its own field for k = 1, else the carrying field. */
  private String leftColumnText(Expr.ColumnRef ref, int k, Set<Boolean> units) {
    if (k == 1) {
      return fieldText(ref, units);
    }
    for (Field f : synthetic.get(k - 1)) {
      if (f.carried().isPresent() && key(f.carried().get()).equals(key(ref))) {
        return f.name();
      }
      if (f.output().isPresent() && f.output().get().expr() instanceof Expr.ColumnRef r && key(r).equals(key(ref))) {
        return f.name();
      }
    }
    throw new IllegalStateException("column not carried: " + key(ref));
  }

  private String leftText(Field f, int k, Set<Boolean> units) {
    if (f.carried().isPresent()) {
      return leftColumnText(f.carried().get(), k, units);
    }
    return f.name();
  }

  private String leftKeyText(Expr.ColumnRef ref, int k) {
    return leftColumnText(ref, k, new HashSet<>());
  }

  /**
   * Renders an expression for event k's trigger. The kernel has no grouping parentheses: an
   * expression whose tree needs them is refused. Each read of an earlier event's value gets its own
   * start variable (read-once).
   */
  private final class ExprText {
    private final int k;
    private final Vars start;
    private final Set<Boolean> startUnits;
    private final Set<Boolean> endUnits;
    boolean readsStart;

    ExprText(int k, Vars start, Set<Boolean> startUnits, Set<Boolean> endUnits) {
      this.k = k;
      this.start = start;
      this.startUnits = startUnits;
      this.endUnits = endUnits;
    }

    String render(Expr e, int parentPrecedence, boolean rightOperand) {
      if (e instanceof Expr.Constant c) {
        return c.value().toString();
      }
      if (e instanceof Expr.ColumnRef ref) {
        if (ref.event() == k) {
          return fieldText(ref, endUnits);
        }
        readsStart = true;
        if (k > 1 && ref.column().kind() == ColumnKind.TIMESTAMP && ref.column().usecs()) {
          // Past the first step an earlier timestamp arrives as a plain u64 field of the previous
          // synthetic event; the kernel refuses it next to common_timestamp.usecs.
          throw new SqlError("a µs timestamp of an earlier event cannot be used past the chain's first join: it"
              + " arrives through a synthetic event field, which the kernel does not count as µs ('Timestamp units"
              + " in expression don't match'); use ns timestamps (common_timestamp) in chains", ref.span());
        }
        String base = baseName(ref);
        return "$" + start.fresh(base, leftColumnText(ref, k, startUnits), ref.span());
      }
      if (e instanceof Expr.Negate neg) {
        if (parentPrecedence > 0) {
          throw new SqlError("the kernel allows unary minus only on a whole expression", e.span());
        }
        return "-(" + render(neg.operand(), 0, false) + ")";
      }
      Expr.Binary b = (Expr.Binary) e;
      int precedence = b.op() == '+' || b.op() == '-' ? 1 : 2;
      if (precedence < parentPrecedence || precedence == parentPrecedence && rightOperand) {
        throw new SqlError("the kernel's expressions have no parentheses and evaluate left to right with * and / "
            + "first; rewrite this without grouping", e.span());
      }
      return render(b.left(), precedence, false) + b.op() + render(b.right(), precedence, true);
    }
  }

  /** The variables of one trigger, named {@code <prefix>_<base>} and unique within the plan. */
  private static final class Vars {
    private final String prefix;
    private final Map<String, String> plainByText = new LinkedHashMap<>();
    private final List<TriggerPart> parts = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    Vars(String prefix) {
      this.prefix = prefix;
    }

    /** A variable holding {@code text} that is passed on as is; shared by all its readers. */
    String plain(String text, SourceSpan origin) {
      String existing = plainByText.get(text);
      if (existing != null) {
        return existing;
      }
      String name = fresh(text.replaceAll("\\.execname$", "_comm").replaceAll("[^A-Za-z0-9_]", "_"), text, origin);
      plainByText.put(text, name);
      return name;
    }

    /** A variable holding an expression (or a start value read once by one expression). */
    String expression(String base, String text, SourceSpan origin) {
      return fresh(base, text, origin);
    }

    String fresh(String base, String text, SourceSpan origin) {
      String name = prefix + "_" + base;
      for (int i = 2; !names.add(name); i++) {
        name = prefix + "_" + base + i;
      }
      parts.add(new TriggerPart("variable", name + "=" + text, origin));
      return name;
    }

    int count() {
      return parts.size();
    }

    List<TriggerPart> parts() {
      return parts;
    }
  }
}
