package dev.ftsql.cli.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hist trigger line taken apart, to recognise the kernel's rendering of a line we wrote: the
 * kernel adds {@code vals=hitcount}, the default sort and size, moves variables before the sort and
 * actions after the size, and appends {@code [active]}.
 *
 * @param attributes keys, vals, sort, size, name, clock
 * @param others every other {@code :}-separated part (variables, actions, flags), in order
 * @param filter the text after {@code if}, or empty
 */
record TriggerText(Map<String, String> attributes, List<String> others, String filter) {
  private static final List<String> ATTRIBUTES =
      List.of("keys", "vals", "sort", "size", "name", "clock");

  static TriggerText parse(String line) {
    String t = line.replaceFirst(" \\[(active|paused)\\]$", "");
    t = t.startsWith("hist:") ? t.substring("hist:".length()) : t;
    int ifAt = t.indexOf(" if ");
    String filter = ifAt < 0 ? "" : t.substring(ifAt + " if ".length());
    String head = ifAt < 0 ? t : t.substring(0, ifAt);
    Map<String, String> attributes = new LinkedHashMap<>();
    List<String> others = new ArrayList<>();
    for (String part : head.split(":")) {
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      if (ATTRIBUTES.contains(name)) {
        attributes.put(name, part.substring(eq + 1));
      } else {
        others.add(part);
      }
    }
    return new TriggerText(attributes, others, filter);
  }

  /**
   * Sort keys without display modifiers: the kernel prints {@code sort=bytes_req} as {@code
   * sort=bytes_req.log2} (the key's modifier); only the direction counts.
   */
  private static String sortKeys(String sort) {
    if (sort == null) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    for (String k : sort.split(",")) {
      String direction = k.endsWith(".descending") ? ".descending" : "";
      int dot = k.indexOf('.');
      keys.add((dot < 0 ? k : k.substring(0, dot)) + direction);
    }
    return String.join(",", keys);
  }

  /** Whether {@code shown} (from the kernel) is how the kernel prints this line (as written). */
  boolean isRenderedAs(TriggerText shown) {
    String vals =
        attributes.containsKey("vals") ? "hitcount," + attributes.get("vals") : "hitcount";
    return Objects.equals(shown.attributes.get("keys"), attributes.get("keys"))
        && Objects.equals(shown.attributes.get("vals"), vals)
        && Objects.equals(
            sortKeys(shown.attributes.get("sort")),
            sortKeys(attributes.getOrDefault("sort", "hitcount")))
        && Objects.equals(shown.attributes.get("size"), attributes.getOrDefault("size", "2048"))
        && Objects.equals(shown.attributes.get("name"), attributes.get("name"))
        && shown.others.containsAll(others)
        && shown.filter.equals(filter);
  }
}
