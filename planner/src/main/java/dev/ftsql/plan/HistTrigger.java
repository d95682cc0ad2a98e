package dev.ftsql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code hist:} trigger line, structured. {@link #text()} renders it in the one canonical order
 * ftsql always writes, so the same query always gives the same line, and the removal line is the
 * same text behind a {@code !}.
 */
public record HistTrigger(
    List<TriggerPart> keys,
    List<TriggerPart> values,
    List<TriggerPart> sort,
    OptionalInt size,
    List<TriggerPart> variables,
    List<TriggerPart> actions,
    Optional<TriggerPart> filter) {

  public HistTrigger {
    keys = List.copyOf(keys);
    values = List.copyOf(values);
    sort = List.copyOf(sort);
    variables = List.copyOf(variables);
    actions = List.copyOf(actions);
  }

  public String text() {
    StringBuilder b = new StringBuilder("hist:keys=").append(join(keys));
    if (!values.isEmpty()) {
      b.append(":vals=").append(join(values));
    }
    if (!sort.isEmpty()) {
      b.append(":sort=").append(join(sort));
    }
    size.ifPresent(s -> b.append(":size=").append(s));
    if (!variables.isEmpty()) {
      b.append(':').append(join(variables));
    }
    for (TriggerPart a : actions) {
      b.append(':').append(a.text());
    }
    filter.ifPresent(f -> b.append(" if ").append(f.text()));
    return b.toString();
  }

  /** Every part, in rendering order. */
  public List<TriggerPart> parts() {
    List<TriggerPart> all = new ArrayList<>(keys);
    all.addAll(values);
    all.addAll(sort);
    all.addAll(variables);
    all.addAll(actions);
    filter.ifPresent(all::add);
    return all;
  }

  private static String join(List<TriggerPart> parts) {
    StringBuilder b = new StringBuilder();
    for (TriggerPart p : parts) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(p.text());
    }
    return b.toString();
  }
}
