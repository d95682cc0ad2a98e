package dev.ftsql.tracefs.hist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A hist trigger's text, split into its parts: what a {@code # trigger info:} line shows, or what
 * ftsql wrote. The kernel prints its own canonical form (every value with {@code hitcount} first,
 * variables before {@code sort=}, {@code :size=} added, the actions after it, then {@code if} and
 * {@code [active]}), so two texts of one trigger are compared part by part, never as strings.
 *
 * @param text the trigger without its {@code [active]}/{@code [paused]} state
 * @param keys the keys with their modifiers ({@code common_pid.execname}, {@code count.buckets=10})
 * @param values the values with their modifiers, as listed ({@code hitcount} too, when listed)
 * @param variables {@code name=expression} definitions
 * @param sort the sort keys ({@code hitcount.descending})
 * @param actions handler and action ({@code onmax($m).save(prev_comm,prev_pid)})
 * @param options the other parts ({@code clock=mono}, {@code nohitcount}, {@code pause})
 * @param filter the text after {@code if}
 */
public record TriggerInfo(
    String text,
    Optional<String> name,
    List<String> keys,
    List<String> values,
    List<String> variables,
    List<String> sort,
    OptionalInt size,
    List<String> actions,
    List<String> options,
    Optional<String> filter,
    boolean paused) {

  public TriggerInfo {
    keys = List.copyOf(keys);
    values = List.copyOf(values);
    variables = List.copyOf(variables);
    sort = List.copyOf(sort);
    actions = List.copyOf(actions);
    options = List.copyOf(options);
  }

  /** Splits a trigger line: {@code hist:keys=...:vals=...[ if FILTER][ [active]]}. */
  public static TriggerInfo parse(String line) {
    String t = line.strip();
    boolean paused = false;
    if (t.endsWith(" [active]")) {
      t = t.substring(0, t.length() - " [active]".length());
    } else if (t.endsWith(" [paused]")) {
      t = t.substring(0, t.length() - " [paused]".length());
      paused = true;
    }
    String text = t;
    Optional<String> filter = Optional.empty();
    // No part of the spec holds a space, so the first " if " starts the filter.
    int at = t.indexOf(" if ");
    if (at >= 0) {
      filter = Optional.of(t.substring(at + 4).strip());
      t = t.substring(0, at);
    }
    if (t.startsWith("hist:")) {
      t = t.substring("hist:".length());
    }
    Optional<String> name = Optional.empty();
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    List<String> sort = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    List<String> options = new ArrayList<>();
    OptionalInt size = OptionalInt.empty();
    for (String part : splitTopLevel(t, ':')) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      int paren = part.indexOf('(');
      String head = eq < 0 ? part : part.substring(0, eq);
      String body = eq < 0 ? "" : part.substring(eq + 1);
      if (paren >= 0 && (eq < 0 || paren < eq)) {
        actions.add(part);
      } else if (head.equals("keys") || head.equals("key")) {
        keys.addAll(splitTopLevel(body, ','));
      } else if (head.equals("vals") || head.equals("values") || head.equals("val")) {
        values.addAll(splitTopLevel(body, ','));
      } else if (head.equals("sort")) {
        sort.addAll(splitTopLevel(body, ','));
      } else if (head.equals("size")) {
        size = parseSize(body);
      } else if (head.equals("name")) {
        name = Optional.of(body);
      } else if (eq >= 0 && !head.equals("clock")) {
        variables.addAll(splitTopLevel(part, ','));
      } else {
        options.add(part);
      }
    }
    return new TriggerInfo(text, name, keys, values, variables, sort, size, actions, options, filter, paused);
  }

  /** True when the trigger has {@code :nohitcount} (6.2+): entries then have no hitcount. */
  public boolean noHitcount() {
    return options.contains("nohitcount") || options.contains("NOHC");
  }

  /**
   * True when both texts describe the same histogram: the same keys in the same order, the same
   * values apart from the implicit {@code hitcount}, and the same filter (spacing aside). Sort,
   * size, name and state are left out: the kernel adds or rewrites them.
   */
  public boolean sameHistogramAs(TriggerInfo other) {
    return normalizedKeys().equals(other.normalizedKeys())
        && normalizedValues().equals(other.normalizedValues())
        && normalizedFilter().equals(other.normalizedFilter());
  }

  /** True when the sort keys are the same; none written is the kernel's default, {@code hitcount}. */
  public boolean sameSortAs(TriggerInfo other) {
    return normalizedSort().equals(other.normalizedSort());
  }

  /** True when the variables and actions are the same sets too. */
  public boolean sameActionsAs(TriggerInfo other) {
    return Set.copyOf(variables).equals(Set.copyOf(other.variables))
        && Set.copyOf(actions).equals(Set.copyOf(other.actions));
  }

  private List<String> normalizedKeys() {
    List<String> out = new ArrayList<>(keys.size());
    for (String k : keys) {
      // The kernel prints its own names: cpu as common_cpu, and (6.4+) stacktrace as common_stacktrace.
      out.add(k.equals("stacktrace") ? "common_stacktrace" : k.equals("cpu") ? "common_cpu" : k);
    }
    return out;
  }

  private List<String> normalizedSort() {
    return sort.isEmpty() ? List.of("hitcount") : sort;
  }

  private Set<String> normalizedValues() {
    Set<String> out = new HashSet<>(values);
    out.remove("hitcount");
    return out;
  }

  private String normalizedFilter() {
    return filter.map(f -> String.join(" ", f.strip().split("\\s+"))).orElse("");
  }

  private static OptionalInt parseSize(String body) {
    try {
      return OptionalInt.of(Integer.parseInt(body));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** Splits at {@code sep} outside parentheses: action arguments hold commas. */
  static List<String> splitTopLevel(String s, char sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == sep && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }
}
