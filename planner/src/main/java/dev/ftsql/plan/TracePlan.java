package dev.ftsql.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The one IR every backend consumes: ordered steps, and how to read the results.
 *
 * @param name the plan's name: {@code -n NAME}, or a stable name derived from the query
 * @param instance the tracing instance ({@code -B NAME}), or empty for the top level
 * @param steps the writes, in order
 * @param result how to read and present the result histogram
 */
public record TracePlan(String name, Optional<String> instance, List<Step> steps, ResultSpec result) {
  public TracePlan {
    steps = List.copyOf(steps);
  }

  /** The directory the step files are relative to: {@code ""} or {@code instances/NAME/}. */
  public String root() {
    return instance.map(i -> "instances/" + i + "/").orElse("");
  }

  /** Undo steps in reverse order: what tears the plan down. */
  public List<Step> teardownOrder() {
    List<Step> reversed = new ArrayList<>(steps);
    Collections.reverse(reversed);
    return reversed;
  }
}
