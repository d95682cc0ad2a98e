package dev.ftsql.plan;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.query.Aggregate;
import dev.ftsql.sql.query.AggregateKind;
import dev.ftsql.sql.query.Column;
import dev.ftsql.sql.query.ColumnKind;
import dev.ftsql.sql.query.Display;
import dev.ftsql.sql.query.Key;
import dev.ftsql.sql.query.OutputColumn;
import dev.ftsql.sql.query.Query;
import dev.ftsql.sql.query.SortItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link Query} to {@link TracePlan} for one target kernel. Every kernel limit is checked here, so a
 * plan that leaves the planner is one the kernel accepts, and a refusal points at the SQL.
 */
public final class Planner {
  private final KernelProfile profile;
  private final java.util.function.Predicate<String> eventExists;

  /**
   * @param eventExists whether an event of that name exists on the target already (a synthetic
   *     event must not collide with one)
   */
  public Planner(KernelProfile profile, java.util.function.Predicate<String> eventExists) {
    this.profile = profile;
    this.eventExists = eventExists;
  }

  public TracePlan plan(Query q, PlanOptions options) {
    return plan(q, options, PlanName.derive(q.sql()));
  }

  /** As {@link #plan(Query, PlanOptions)}, with the name {@link PlanName#derive} gives q's text. */
  TracePlan plan(Query q, PlanOptions options, String defaultName) {
    profile.require(Feature.HIST_TRIGGERS, q.whole());
    if (options.handler().isPresent() && q.join().isEmpty()) {
      throw new SqlError("-m and -c apply to joins; on one event, use MAX(x) (with -S for saved fields)", q.whole());
    }
    String name = options.name().orElse(defaultName);
    String system = q.event().system();
    String event = q.event().name();
    JoinLowering join = null;
    if (q.join().isPresent()) {
      String synthetic = options.name().orElse(q.join().get().name().isEmpty() ? name : q.join().get().name());
      if (!synthetic.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new SqlError("'" + synthetic + "' cannot name a synthetic event: use letters, digits and _", q.whole());
      }
      join = new JoinLowering(profile, name, q.join().get(), synthetic, options);
      for (int k = 1; k < q.join().get().events().size(); k++) {
        String s = k == q.join().get().events().size() - 1 ? synthetic : synthetic + "_" + k;
        if (eventExists.test(s)) {
          throw new SqlError("an event named '" + s + "' exists already on the target; choose another name (-n NAME)",
              q.whole());
        }
      }
      event = join.finalName();
    }

    List<TriggerPart> keys = keys(q);
    Map<String, TriggerPart> values = new LinkedHashMap<>();
    List<TriggerPart> variables = new ArrayList<>();
    List<TriggerPart> actions = new ArrayList<>();
    List<ResultSpec.AggregateColumn> aggregates = new ArrayList<>();
    for (Aggregate a : q.aggregates()) {
      aggregates.add(aggregate(a, name, values, variables, actions, options));
    }
    List<TriggerPart> sort = sort(q, keys);
    OptionalInt size = options.size();
    if (size.isPresent() && (size.getAsInt() < KernelProfile.MIN_SIZE || size.getAsInt() > KernelProfile.MAX_SIZE)) {
      throw new SqlError("--size must be between " + KernelProfile.MIN_SIZE + " and " + KernelProfile.MAX_SIZE
          + " (the kernel rounds it up to a power of two)");
    }
    Optional<TriggerPart> filter =
        q.where().map(w -> new TriggerPart("filter", new FilterText(profile).render(w), w.span()));
    HistTrigger trigger = new HistTrigger(keys, List.copyOf(values.values()), sort, size, variables, actions, filter);
    if (trigger.text().length() + 1 > KernelProfile.MAX_LINE) {
      throw new SqlError("the trigger would be " + trigger.text().length()
          + " bytes; the kernel takes at most " + KernelProfile.MAX_LINE, q.whole());
    }
    Step.AddHistTrigger step =
        new Step.AddHistTrigger(system, event, trigger, "histogram on " + system + "/" + event);
    List<Step> steps = join == null ? List.of(step) : join.steps(step);
    ResultSpec result =
        new ResultSpec(
            step.histFile(),
            trigger.text(),
            resultKeys(q),
            aggregates,
            q.columns(),
            q.orderBy(),
            q.limit(),
            q.having());
    return new TracePlan(name, options.instance(), steps, result);
  }

  private List<TriggerPart> keys(Query q) {
    if (q.keys().size() > KernelProfile.MAX_KEYS) {
      // A join without GROUP BY keys on every column (sqlhist's form): say how to choose them.
      String hint = q.join().isPresent()
          ? "; to keep more columns in the synthetic event, choose the keys: WITH j AS (<the join>)"
              + " SELECT ... FROM j GROUP BY ..."
          : "";
      throw new SqlError("too many keys: the kernel allows at most " + KernelProfile.MAX_KEYS
          + " GROUP BY columns" + hint, q.keys().get(KernelProfile.MAX_KEYS).span());
    }
    List<TriggerPart> parts = new ArrayList<>();
    int bytes = 0;
    for (Key k : q.keys()) {
      bytes += keyBytes(k);
      if (bytes > KernelProfile.MAX_KEY_BYTES) {
        throw new SqlError("the keys take " + bytes + " bytes; the kernel allows at most "
            + KernelProfile.MAX_KEY_BYTES + " (a dynamic string takes 256, a stack 128, a number 8)", k.span());
      }
      if (k.display() == Display.BUCKETS) {
        profile.require(Feature.BUCKETS, k.span());
      }
      parts.add(new TriggerPart("key", keyText(k), k.span()));
    }
    return parts;
  }

  private String keyText(Key k) {
    String field = fieldName(k.column(), k.span());
    return switch (k.display()) {
      case PLAIN, USECS -> field;
      case BUCKETS -> field + Display.BUCKETS.suffix() + k.buckets();
      default -> field + k.display().suffix();
    };
  }

  /** The kernel's name of a column in keys and values. */
  private String fieldName(Column c, SourceSpan at) {
    return switch (c.kind()) {
      case STACKTRACE -> stackName(c);
      case TIMESTAMP -> c.usecs() ? "common_timestamp.usecs" : "common_timestamp";
      case COMM -> throw new SqlError(
          "COMM can only be filtered on; to key on the task name use execname(common_pid)", at);
      case ARRAY -> throw new SqlError("'" + c.field() + "' is an array, which a hist trigger cannot use", at);
      default -> c.field();
    };
  }

  /** The event's own stack, or a stack a join carried into a synthetic field ({@code f.stacktrace}). */
  private String stackName(Column c) {
    return c.field().equals("common_stacktrace") ? profile.stacktraceField() : c.field() + ".stacktrace";
  }

  private static int keyBytes(Key k) {
    Column c = k.column();
    return switch (c.kind()) {
      case FIXED_STRING -> (c.size() + 7) / 8 * 8;
      case DYNAMIC_STRING -> 256;
      case STACKTRACE -> 128;
      default -> 8;
    };
  }

  private ResultSpec.AggregateColumn aggregate(
      Aggregate a,
      String planName,
      Map<String, TriggerPart> values,
      List<TriggerPart> variables,
      List<TriggerPart> actions,
      PlanOptions options) {
    switch (a.kind()) {
      case COUNT -> {
        return new ResultSpec.AggregateColumn(a.kind(), "hitcount", false);
      }
      case SUM, AVG -> {
        Column c = a.argument().orElseThrow();
        String text = fieldName(c, a.span()) + (a.hex() ? ".hex" : "");
        if (!values.containsKey(c.field()) && values.size() == KernelProfile.MAX_VALUES) {
          throw new SqlError("too many values: the kernel sums at most " + KernelProfile.MAX_VALUES
              + " fields per histogram (besides COUNT)", a.span());
        }
        values.putIfAbsent(c.field(), new TriggerPart("value", text, a.span()));
        return new ResultSpec.AggregateColumn(a.kind(), c.field(), a.hex());
      }
      case MAX -> {
        profile.require(Feature.ONMAX, a.span());
        if (!actions.isEmpty()) {
          throw new SqlError("only one MAX per histogram: the kernel allows one save() per trigger", a.span());
        }
        Column c = a.argument().orElseThrow();
        String var = planName + "_max";
        List<String> saved = new ArrayList<>();
        saved.add(c.field());
        for (String f : options.saveFields()) {
          if (!saved.contains(f)) {
            saved.add(f);
          }
        }
        for (String f : saved) {
          if (f.length() < 2) {
            throw new SqlError("the kernel cannot save() a field with a one-letter name ('" + f + "')", a.span());
          }
        }
        variables.add(new TriggerPart("variable", var + "=" + fieldName(c, a.span()), a.span()));
        actions.add(new TriggerPart("action", "onmax($" + var + ").save(" + String.join(",", saved) + ")", a.span()));
        return new ResultSpec.AggregateColumn(a.kind(), "max", false);
      }
      default -> throw new IllegalStateException(a.kind().toString());
    }
  }

  /**
   * ORDER BY to {@code sort=}. The kernel sorts by keys, hitcount and values; the longest prefix of
   * the ORDER BY it can do goes into the trigger, and the whole ORDER BY is applied when reading.
   */
  private List<TriggerPart> sort(Query q, List<TriggerPart> keyParts) {
    if (q.orderBy().size() > KernelProfile.MAX_SORT_KEYS) {
      throw new SqlError("too many ORDER BY items: the kernel sorts by at most " + KernelProfile.MAX_SORT_KEYS,
          q.orderBy().get(KernelProfile.MAX_SORT_KEYS).span());
    }
    List<TriggerPart> parts = new ArrayList<>();
    for (SortItem s : q.orderBy()) {
      Optional<String> name = kernelSortName(q, s);
      if (name.isEmpty()) {
        break;
      }
      parts.add(new TriggerPart("sort", name.get() + (s.descending() ? ".descending" : ""), s.span()));
    }
    return parts;
  }

  private Optional<String> kernelSortName(Query q, SortItem s) {
    if (s.target().source() == OutputColumn.Source.KEY) {
      Column c = q.keys().get(s.target().index()).column();
      return Optional.of(c.kind() == ColumnKind.STACKTRACE ? stackName(c).replace(".stacktrace", "") : c.field());
    }
    Aggregate a = q.aggregates().get(s.target().index());
    return switch (a.kind()) {
      case COUNT -> Optional.of("hitcount");
      case SUM -> a.argument().map(Column::field);
      case AVG, MAX -> Optional.empty();
    };
  }

  private List<ResultSpec.KeyColumn> resultKeys(Query q) {
    List<ResultSpec.KeyColumn> out = new ArrayList<>();
    for (Key k : q.keys()) {
      String histName = k.column().kind() == ColumnKind.STACKTRACE ? stackName(k.column()).replace(".stacktrace", "")
          : k.column().field();
      out.add(new ResultSpec.KeyColumn(histName, k.display(), keyType(k.column().kind()), k.hidden()));
    }
    return out;
  }

  private static ResultSpec.KeyType keyType(ColumnKind kind) {
    if (kind == ColumnKind.STACKTRACE) {
      return ResultSpec.KeyType.STACKTRACE;
    }
    return kind.isString() ? ResultSpec.KeyType.STRING : ResultSpec.KeyType.NUMBER;
  }
}
