package dev.ftsql.sql.query;

import java.util.List;
import java.util.Map;

/**
 * A join of two or more events as a stream: event {@code k} matches the latest matching row of
 * events {@code 0..k-1}. Its result is a synthetic event named {@code name}.
 *
 * @param name the synthetic event's name
 * @param events the events in FROM order (0 is the start)
 * @param steps one per event after the first
 * @param outputs the result columns
 * @param filters each event's WHERE conjuncts, by event index
 */
public record JoinChain(
    String name,
    List<EventSource> events,
    List<JoinStep> steps,
    List<JoinOutput> outputs,
    Map<Integer, Predicate> filters) {
  public JoinChain {
    events = List.copyOf(events);
    steps = List.copyOf(steps);
    outputs = List.copyOf(outputs);
    filters = Map.copyOf(filters);
  }
}
