package dev.ftsql.tracefs.result;

import java.io.IOException;
import java.util.Locale;

/** The ways a {@link ResultTable} is written out; each is a pure function of the table. */
public enum OutputFormat {
  /** Aligned columns for people; numbers on the right. */
  TABLE {
    @Override
    public void write(ResultTable table, Appendable out) throws IOException {
      TextTable.write(table, out);
    }
  },
  /** RFC 4180: a header line, CRLF line ends, quotes only where needed. */
  CSV {
    @Override
    public void write(ResultTable table, Appendable out) throws IOException {
      CsvTable.write(table, out);
    }
  },
  /** One JSON document: columns, rows (objects by column name) and the kernel's totals. */
  JSON {
    @Override
    public void write(ResultTable table, Appendable out) throws IOException {
      JsonTable.write(table, out);
    }
  },
  /** A bar per bucket of the table's log2() or bucket() column, like bpftrace's hist(). */
  BARS {
    @Override
    public void write(ResultTable table, Appendable out) throws IOException {
      BarChart.write(table, out);
    }
  };

  public abstract void write(ResultTable table, Appendable out) throws IOException;

  /** {@code table}, {@code csv}, {@code json} or {@code bars}. */
  public static OutputFormat named(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown output format '" + name + "': use table, csv, json or bars", e);
    }
  }
}
