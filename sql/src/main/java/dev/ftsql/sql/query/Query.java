package dev.ftsql.sql.query;

import dev.ftsql.sql.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The resolved meaning of a histogram statement over one event. Knows nothing of ftrace syntax.
 *
 * @param sql the statement as the user wrote it
 * @param event the FROM event
 * @param keys the histogram keys, in GROUP BY order (at least one)
 * @param aggregates the aggregates, in first-use order (COUNT is implicit and may be absent)
 * @param columns the result columns in SELECT order
 * @param where the filter on the event
 * @param orderBy the ORDER BY items
 * @param limit LIMIT, applied when reading
 * @param having HAVING, applied when reading
 * @param join when the FROM is a join: the chain whose synthetic event {@code event} is
 */
public record Query(
    String sql,
    EventSource event,
    List<Key> keys,
    List<Aggregate> aggregates,
    List<OutputColumn> columns,
    Optional<Predicate> where,
    List<SortItem> orderBy,
    OptionalLong limit,
    Optional<RowCondition> having,
    Optional<JoinChain> join) {

  public Query {
    keys = List.copyOf(keys);
    aggregates = List.copyOf(aggregates);
    columns = List.copyOf(columns);
    orderBy = List.copyOf(orderBy);
  }

  public SourceSpan whole() {
    return new SourceSpan(0, Math.max(1, sql.length()));
  }
}
