package dev.ftsql.plan;

import dev.ftsql.sql.query.AggregateKind;
import dev.ftsql.sql.query.Display;
import dev.ftsql.sql.query.OutputColumn;
import dev.ftsql.sql.query.RowCondition;
import dev.ftsql.sql.query.SortItem;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to read a plan's result: which {@code hist} file and which histogram in it, what each key and
 * aggregate is called there, and what the kernel cannot do that must be applied when reading
 * (AVG division, HAVING, the full ORDER BY, LIMIT).
 *
 * @param histFile the {@code hist} file, relative to the plan root
 * @param trigger the trigger text, to pick this plan's histogram among several in the file
 * @param keys the histogram's keys, in kernel order
 * @param aggregates the query's aggregates, in query order
 * @param columns the result columns in SELECT order
 */
public record ResultSpec(
    String histFile,
    String trigger,
    List<KeyColumn> keys,
    List<AggregateColumn> aggregates,
    List<OutputColumn> columns,
    List<SortItem> orderBy,
    OptionalLong limit,
    Optional<RowCondition> having) {

  public ResultSpec {
    keys = List.copyOf(keys);
    aggregates = List.copyOf(aggregates);
    columns = List.copyOf(columns);
    orderBy = List.copyOf(orderBy);
  }

  /**
   * A key as the hist file names it ({@code common_pid}, {@code bytes_req}), its display and what
   * the field holds. The type is the field's, not the printed text's: a comm of digits is still a
   * string, and a string key is a string in a result with no rows.
   */
  public record KeyColumn(String histName, Display display, KeyType type, boolean hidden) {}

  /** What a key's field holds, whatever its display. */
  public enum KeyType {
    NUMBER,
    STRING,
    STACKTRACE
  }

  /**
   * An aggregate and the hist field it is read from: {@code hitcount}, a value name, or the
   * {@code max} of an {@code onmax()} line.
   *
   * @param hex the query asked for the value in hex ({@code SUM(hex(x))})
   */
  public record AggregateColumn(AggregateKind kind, String histName, boolean hex) {}
}
