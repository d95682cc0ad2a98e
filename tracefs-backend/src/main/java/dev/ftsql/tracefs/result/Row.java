package dev.ftsql.tracefs.result;

import java.util.List;

/**
 * One result row.
 *
 * @param cells one per column
 * @param hitcount the events behind the row, selected or not: what percentiles and bars count
 */
public record Row(List<Cell> cells, long hitcount) {
  public Row {
    cells = List.copyOf(cells);
  }

  public Cell cell(int column) {
    return cells.get(column);
  }
}
