package dev.ftsql.cli;

import dev.ftsql.tracefs.TracefsSession;
import dev.ftsql.tracefs.result.NoSuchHistogramException;
import dev.ftsql.tracefs.result.OutputFormat;
import dev.ftsql.tracefs.result.Percentiles;
import dev.ftsql.tracefs.result.ResultTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How {@code run} and {@code show} print a result. */
final class ResultOptions {
  enum Format {
    table,
    csv,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "FMT",
      description = "table (default), csv or json (one document per reading).")
  Format format = Format.table;

  @Option(names = "--bars", description = "A bar chart of the log2() or bucket() column instead of the table.")
  boolean bars;

  @Option(
      names = "--percentiles",
      description = "After the table: p50, p90 and p99 estimated from the log2() or bucket() column.")
  boolean percentiles;

  @Option(names = "--raw", description = "The hist file as the kernel prints it.")
  boolean raw;

  void validate(CommandLine cl) {
    if (bars && format != Format.table) {
      throw new ParameterException(cl, "--bars draws a chart: not with --format " + format);
    }
    if (percentiles && format == Format.json) {
      throw new ParameterException(cl, "--percentiles prints text: not with --format json");
    }
  }

  /** Prints the session's result now; problems with the numbers go to {@code err}. */
  void print(TracefsSession session, PrintWriter out, PrintWriter err) {
    if (raw) {
      out.print(session.histText());
      out.flush();
      return;
    }
    ResultTable table;
    try {
      table = session.read();
    } catch (NoSuchHistogramException e) {
      err.println("ftsql: " + e.getMessage() + "; the raw hist file follows");
      err.flush();
      out.print(session.histText());
      out.flush();
      return;
    }
    try {
      OutputFormat f = bars ? OutputFormat.BARS : OutputFormat.valueOf(format.name().toUpperCase(Locale.ROOT));
      f.write(table, out);
      if (percentiles) {
        Optional<Percentiles> p = Percentiles.of(table);
        if (p.isPresent()) {
          out.println(String.format(Locale.ROOT, "%s: p50 %s, p90 %s, p99 %s (of %d events; estimated within a bucket)",
              p.get().column(), number(p.get().p50()), number(p.get().p90()), number(p.get().p99()), p.get().samples()));
        } else {
          err.println("ftsql: no percentiles: " + (table.rows().isEmpty() ? "no events yet"
              : "the result has no log2() or bucket() column"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      err.println("ftsql: " + e.getMessage());
    }
    out.flush();
    for (String w : table.warnings()) {
      err.println("ftsql: warning: " + w);
    }
    err.flush();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
