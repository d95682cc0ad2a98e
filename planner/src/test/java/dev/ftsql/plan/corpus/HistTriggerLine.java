package dev.ftsql.plan.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code hist:} trigger line taken apart: keys in order (with their modifiers, e.g. {@code
 * call_site.sym-offset}), values, every other attribute ({@code sort=}, {@code size=}, variables,
 * actions) in order, and the filter after {@code if}.
 */
record HistTriggerLine(
    List<String> keys, List<String> values, List<String> otherAttributes, Optional<KernelFilter> filter) {

  static HistTriggerLine parse(String line) {
    if (!line.startsWith("hist:")) {
      throw new IllegalArgumentException("not a hist trigger: " + line);
    }
    int ifAt = line.indexOf(" if ");
    String attributes = ifAt < 0 ? line.substring(5) : line.substring(5, ifAt);
    Optional<KernelFilter> filter =
        ifAt < 0 ? Optional.empty() : Optional.of(KernelFilter.parse(line.substring(ifAt + 4)));
    List<String> keys = List.of();
    List<String> values = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String attribute : attributes.split(":")) {
      if (attribute.startsWith("keys=") || attribute.startsWith("key=")) {
        keys = List.of(attribute.substring(attribute.indexOf('=') + 1).split(","));
      } else if (attribute.startsWith("vals=") || attribute.startsWith("values=")) {
        values.addAll(Arrays.asList(attribute.substring(attribute.indexOf('=') + 1).split(",")));
      } else {
        others.add(attribute);
      }
    }
    // The kernel always keeps hitcount; vals=hitcount only spells out the default.
    values.remove("hitcount");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no keys= in " + line);
    }
    return new HistTriggerLine(keys, List.copyOf(values), List.copyOf(others), filter);
  }
}
