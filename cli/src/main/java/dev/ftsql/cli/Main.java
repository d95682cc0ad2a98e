package dev.ftsql.cli;

import dev.ftsql.sql.SqlError;
import dev.ftsql.tracefs.TracefsException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ftsql} command. */
@Command(
    name = "ftsql",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Compile SQL over kernel trace events into ftrace hist triggers.",
    footer = {
      "",
      "Examples:",
      "  ftsql sql \"SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm\"",
      "  ftsql explain \"SELECT log2(bytes_req), COUNT(*) FROM kmalloc GROUP BY log2(bytes_req)\"",
      "  ftsql events 'sched_*'",
      "  ftsql describe sched_switch",
      "  ftsql run --duration 10s \"SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm\"",
      "  ftsql start -n wakeup -f wakeup.sql; ftsql show wakeup; ftsql stop wakeup",
      "  ftsql samples; ftsql run --duration 10s wakeup-latency   # the built-in recipes, by name",
      "",
      "Exit status: 0 ok, 2 bad usage, 3 the query is wrong, 4 a file or tracefs problem",
      "(including the kernel refusing a line: everything written before it is removed again)."
    },
    subcommands = {
      SqlCommand.class,
      ExportCommand.class,
      ExplainCommand.class,
      RunCommand.class,
      StartCommand.class,
      ShowCommand.class,
      StopCommand.class,
      ListCommand.class,
      SamplesCommand.class,
      EventsCommand.class,
      DescribeCommand.class,
      CatalogCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  public static final int EXIT_QUERY = 3;
  public static final int EXIT_IO = 4;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run it in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main()).setUsageHelpWidth(110);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof SqlError e) {
            String sql = cmd.getCommand() instanceof QueryCommand q ? q.sqlText() : "";
            cmd.getErr().println("ftsql: " + e.render(sql == null ? "" : sql));
            return EXIT_QUERY;
          }
          if (ex instanceof TracefsException e) {
            String sql = cmd.getCommand() instanceof QueryCommand q ? q.sqlText() : "";
            cmd.getErr().println("ftsql: " + e.render(sql == null ? "" : sql));
            return EXIT_IO;
          }
          if (ex instanceof UncheckedIOException e) {
            cmd.getErr().println("ftsql: " + e.getCause().getMessage());
            return EXIT_IO;
          }
          throw ex;
        });
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ftsql " + (v == null ? "dev" : v)};
    }
  }
}
