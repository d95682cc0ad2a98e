package dev.ftsql.cli;

import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.EventCatalog;
import dev.ftsql.sql.catalog.EventField;
import dev.ftsql.sql.catalog.EventFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ftsql describe}: the columns of one event. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "List the columns of EVENT with their types.",
    footer = {"", "Examples:", "  ftsql describe sched_switch", "  ftsql describe kmem.kmalloc --kernel 6.1"})
final class DescribeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "EVENT", description = "event or system.event")
  String event;

  @Mixin CatalogOptions catalog;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    EventCatalog c = catalog.load(spec.commandLine().getErr());
    EventFormat e = find(c);
    PrintWriter out = spec.commandLine().getOut();
    out.println(e.system() + "." + e.name() + " (id " + e.id() + ")");
    int width = e.fields().stream().mapToInt(f -> f.name().length()).max().orElse(8);
    width = Math.max(width, "common_stacktrace".length());
    for (EventField f : e.fields()) {
      String sign = f.kind().isNumeric() ? (f.signed() ? "  signed" : "  unsigned") : "";
      out.printf("  %-" + width + "s  %s (%d bytes%s)%n", f.name(), f.displayType(), f.size(), sign.isEmpty() ? "" : ", " + sign.strip());
    }
    out.printf("  %-" + width + "s  %s%n", "common_timestamp", "u64 nanoseconds (TIMESTAMP; TIMESTAMP_USECS or usecs() for µs)");
    out.printf("  %-" + width + "s  %s%n", "common_cpu", "unsigned int (CPU)");
    out.printf("  %-" + width + "s  %s%n", "common_stacktrace", "kernel stack, keys only (STACKTRACE)");
    out.flush();
    return 0;
  }

  private EventFormat find(EventCatalog c) {
    String[] parts = event.split("[./]", 2);
    if (parts.length == 2) {
      return c.event(parts[0], parts[1]).orElseThrow(() -> new SqlError("unknown event '" + event + "'"));
    }
    List<EventFormat> found = c.eventsNamed(event);
    if (found.isEmpty()) {
      throw new SqlError("unknown event '" + event + "'; 'ftsql events' lists them");
    }
    if (found.size() > 1) {
      throw new SqlError("event '" + event + "' is ambiguous; write one of: "
          + found.stream().map(f -> f.system() + "." + f.name()).collect(Collectors.joining(", ")));
    }
    return found.get(0);
  }
}
