package dev.ftsql.cli;

import dev.ftsql.export.EchoLines;
import dev.ftsql.plan.KernelProfile;
import dev.ftsql.plan.ResultSpec;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.plan.TriggerPart;
import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.query.OutputColumn;
import java.util.ArrayList;
import java.util.List;

/** The explain backend: which part of the SQL became which part of which trigger, for people. */
final class PlanExplanation {
  private PlanExplanation() {}

  static List<String> render(TracePlan plan, String sql, KernelProfile profile) {
    List<String> out = new ArrayList<>();
    out.add("plan " + plan.name() + " for " + profile.description()
        + plan.instance().map(i -> ", instance " + i).orElse(""));
    int n = 1;
    for (Step s : plan.steps()) {
      out.add("");
      out.add("step " + n++ + ": " + s.purpose());
      out.add("  write  " + s.line());
      out.add("  to     " + EchoLines.DEFAULT_MOUNT + "/" + plan.root() + s.file());
      int width = s.parts().stream().mapToInt(p -> p.text().length()).max().orElse(0);
      for (TriggerPart p : s.parts()) {
        out.add(String.format("  %-8s %-" + width + "s  <- %s", p.role(), p.text(), excerpt(sql, p.origin())));
      }
      out.add("  undo   " + s.undoLine());
    }
    ResultSpec r = plan.result();
    out.add("");
    out.add("results: read " + plan.root() + r.histFile());
    for (OutputColumn c : r.columns()) {
      out.add("  column " + c.name() + " <- " + describe(r, c));
    }
    List<String> atRead = new ArrayList<>();
    if (r.aggregates().stream().anyMatch(a -> a.kind() == dev.ftsql.sql.query.AggregateKind.AVG)) {
      atRead.add("AVG = sum / hitcount");
    }
    r.having().ifPresent(h -> atRead.add("HAVING"));
    if (!r.orderBy().isEmpty()) {
      atRead.add("ORDER BY");
    }
    r.limit().ifPresent(l -> atRead.add("LIMIT " + l));
    if (!atRead.isEmpty()) {
      out.add("  applied when reading (the kernel cannot): " + String.join(", ", atRead));
    }
    return out;
  }

  private static String describe(ResultSpec r, OutputColumn c) {
    if (c.source() == OutputColumn.Source.KEY) {
      ResultSpec.KeyColumn k = r.keys().get(c.index());
      return "key " + k.histName() + (k.type() == ResultSpec.KeyType.STRING ? " (string)" : "");
    }
    ResultSpec.AggregateColumn a = r.aggregates().get(c.index());
    return switch (a.kind()) {
      case COUNT -> "hitcount";
      case SUM -> "value " + a.histName() + (a.hex() ? " (hex)" : "");
      case AVG -> "value " + a.histName() + " / hitcount";
      case MAX -> "max: of onmax()";
    };
  }

  /** The SQL a part came from, on one line. */
  static String excerpt(String sql, SourceSpan span) {
    int s = Math.min(span.start(), sql.length());
    int e = Math.min(span.end(), sql.length());
    String text = sql.substring(s, e).replaceAll("\\s+", " ").strip();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
