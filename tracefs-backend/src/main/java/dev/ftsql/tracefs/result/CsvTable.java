package dev.ftsql.tracefs.result;

import java.io.IOException;

/**
 * The {@code csv} format (RFC 4180): a header line of column names, one line per row, CRLF line
 * ends; a field is quoted when it holds a comma, a quote, CR or LF (a stack: its frames one per
 * line inside the quotes), with quotes doubled. NULL is an empty field.
 */
final class CsvTable {
  private CsvTable() {}

  static void write(ResultTable table, Appendable out) throws IOException {
    for (int c = 0; c < table.columns().size(); c++) {
      if (c > 0) {
        out.append(',');
      }
      field(table.columns().get(c).name(), out);
    }
    out.append("\r\n");
    for (Row r : table.rows()) {
      for (int c = 0; c < r.cells().size(); c++) {
        if (c > 0) {
          out.append(',');
        }
        field(r.cell(c).text(), out);
      }
      out.append("\r\n");
    }
  }

  private static void field(String text, Appendable out) throws IOException {
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char ch = text.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
    }
    if (!quote) {
      out.append(text);
      return;
    }
    out.append('"').append(text.replace("\"", "\"\"")).append('"');
  }
}
