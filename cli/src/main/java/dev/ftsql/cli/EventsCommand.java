package dev.ftsql.cli;

import dev.ftsql.sql.catalog.EventCatalog;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ftsql events}: the tables. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "List the events (tables), as system.event, optionally matching GLOB.",
    footer = {"", "Examples:", "  ftsql events 'sched_*'", "  ftsql events 'syscalls.sys_enter_*' --kernel 6.1"})
final class EventsCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "GLOB", description = "Match the event name or system.event.")
  String glob;

  @Mixin CatalogOptions catalog;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    EventCatalog c = catalog.load(spec.commandLine().getErr());
    PathMatcher m = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
    PrintWriter out = spec.commandLine().getOut();
    int shown = 0;
    for (String path : c.eventPaths()) {
      String dotted = path.replace('/', '.');
      String name = path.substring(path.indexOf('/') + 1);
      if (m == null || m.matches(Path.of(name)) || m.matches(Path.of(dotted))) {
        out.println(dotted);
        shown++;
      }
    }
    out.flush();
    return shown > 0 || glob == null ? 0 : 1;
  }
}
