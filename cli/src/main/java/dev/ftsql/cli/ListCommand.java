package dev.ftsql.cli;

import dev.ftsql.tracefs.PlanRecord;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ftsql list}: the plans ftsql applied and has not removed yet. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the applied plans. STATE is applied (start, sql -e), running (its run or program is alive),",
      "orphaned (its process is gone: 'ftsql stop NAME' removes it) or partial (a write or removal did not finish)."
    })
final class ListCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  @Mixin StateOption state;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "STATE", "OWNER", "PID", "STARTED", "WRITES", "TRACEFS", "QUERY"});
    for (PlanRecord r : state.plans().list()) {
      long written = r.count(PlanRecord.Status.DONE) + r.count(PlanRecord.Status.BEGUN);
      String where = r.tracefs() + r.instance().map(i -> " (-B " + i + ")").orElse("");
      String sql = r.sql().map(s -> s.strip().replaceAll("\\s+", " ")).orElse("-");
      rows.add(new String[] {r.name(), r.state(), r.owner(), Long.toString(r.pid()), TIME.format(r.started()),
          written + "/" + r.changes().size(), where, sql.length() > 60 ? sql.substring(0, 57) + "..." : sql});
    }
    if (rows.size() == 1) {
      spec.commandLine().getErr().println("ftsql: no plan is applied");
      spec.commandLine().getErr().flush();
      return 0;
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        b.append(r[i]);
        if (i < r.length - 1) {
          b.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      out.println(b.toString().stripTrailing());
    }
    out.flush();
    return 0;
  }
}
