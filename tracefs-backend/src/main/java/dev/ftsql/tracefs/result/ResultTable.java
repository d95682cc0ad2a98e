package dev.ftsql.tracefs.result;

import dev.ftsql.tracefs.hist.Totals;
import java.util.List;
import java.util.OptionalInt;

/**
 * A query's result: the SELECT's columns in order, and the rows after HAVING, ORDER BY and LIMIT.
 *
 * @param totals the kernel's totals for the whole histogram (before HAVING and LIMIT)
 * @param warnings what the user should know about the numbers (events dropped by a full table)
 */
public record ResultTable(List<Column> columns, List<Row> rows, Totals totals, List<String> warnings) {
  public ResultTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }

  /** The index of the column called {@code name}. */
  public OptionalInt column(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }
}
