package dev.ftsql.tracefs.result;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code table} format: a header, a rule, the rows, then a count line with the kernel's totals.
 * Columns are two spaces apart; numbers are right-aligned, the rest left-aligned. A stack cell takes
 * one line per frame, the row's other cells sit on its first line.
 */
final class TextTable {
  private TextTable() {}

  static void write(ResultTable table, Appendable out) throws IOException {
    int columns = table.columns().size();
    int[] width = new int[columns];
    for (int c = 0; c < columns; c++) {
      width[c] = table.columns().get(c).name().length();
    }
    List<String[][]> rows = new ArrayList<>(table.rows().size());
    for (Row r : table.rows()) {
      String[][] lines = new String[columns][];
      for (int c = 0; c < columns; c++) {
        lines[c] = r.cell(c).text().split("\n", -1);
        for (String l : lines[c]) {
          width[c] = Math.max(width[c], l.length());
        }
      }
      rows.add(lines);
    }
    String[] header = new String[columns];
    String[] rule = new String[columns];
    for (int c = 0; c < columns; c++) {
      header[c] = table.columns().get(c).name();
      rule[c] = "-".repeat(width[c]);
    }
    line(table, width, header, out);
    line(table, width, rule, out);
    for (String[][] lines : rows) {
      int height = 1;
      for (String[] cell : lines) {
        height = Math.max(height, cell.length);
      }
      for (int i = 0; i < height; i++) {
        String[] texts = new String[columns];
        for (int c = 0; c < columns; c++) {
          texts[c] = i < lines[c].length ? lines[c][i] : "";
        }
        line(table, width, texts, out);
      }
    }
    int n = table.rows().size();
    out.append(n + (n == 1 ? " row" : " rows") + " (hits " + Long.toUnsignedString(table.totals().hits())
        + ", entries " + table.totals().entries() + ", dropped " + Long.toUnsignedString(table.totals().dropped())
        + ")\n");
  }

  private static void line(ResultTable table, int[] width, String[] texts, Appendable out) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < texts.length; c++) {
      if (c > 0) {
        b.append("  ");
      }
      String pad = " ".repeat(width[c] - texts[c].length());
      if (table.columns().get(c).type().isNumeric()) {
        b.append(pad).append(texts[c]);
      } else {
        b.append(texts[c]).append(pad);
      }
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == ' ') {
      end--;
    }
    out.append(b, 0, end).append('\n');
  }
}
