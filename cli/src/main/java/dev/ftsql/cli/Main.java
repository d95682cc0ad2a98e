package dev.ftsql.cli;

import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.analyze.Warmup;
import dev.ftsql.tracefs.TracefsException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
      "Manual: ftsql(1) and one page per command, ftsql-sql(1), ftsql-run(1), ... (the build writes",
      "them to cli/target/man/man1: man -l cli/target/man/man1/ftsql.1); the SQL: docs/sql-reference.md."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:ok",
      "2:bad usage",
      "3:the query is wrong",
      "4:a file or tracefs problem (including the kernel refusing a line: everything written before it"
          + " is removed again)"
    })
public final class Main {
  public static final int EXIT_QUERY = 3;
  public static final int EXIT_IO = 4;

  /**
   * The subcommands, in the order {@code --help} lists them. Picocli builds a command's model by
   * reflecting over its annotations, which costs ~100 ms per cold start for all of them, so a run of
   * one subcommand registers only that one (see {@link #commandLine(String...)}).
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
      "sql", SqlCommand.class,
      "export", ExportCommand.class,
      "explain", ExplainCommand.class,
      "run", RunCommand.class,
      "start", StartCommand.class,
      "show", ShowCommand.class,
      "stop", StopCommand.class,
      "list", ListCommand.class,
      "samples", SamplesCommand.class,
      "events", EventsCommand.class,
      "describe", DescribeCommand.class,
      "catalog", CatalogCommand.class,
      "completion", CompletionCommand.class,
      "help", CommandLine.HelpCommand.class);

  /** Subcommands that look at the whole command tree. */
  private static final Set<String> NEED_ALL = Set.of("help", "completion");

  static {
    // picocli looks for Groovy's Closure class on every start; the ClassNotFoundException costs
    // ~13 ms of a cold start. Set only when unset, so a user can still turn closures back on.
    System.getProperties().putIfAbsent("picocli.disable.closures", "true");
  }

  /** Subcommands that compile SQL, and so gain from warming Calcite up while picocli starts. */
  private static final Set<String> COMPILING = Set.of("sql", "explain", "run", "start", "export");

  public static void main(String[] args) {
    if (args.length > 0 && COMPILING.contains(args[0])) {
      Warmup.startFor(args);
    }
    System.exit(commandLine(args).execute(args));
  }

  /** The whole command line, every subcommand registered; tests and generators use it. */
  public static CommandLine commandLine() {
    return configure(SUBCOMMANDS.keySet());
  }

  /**
   * The command line for these arguments: only the subcommand they name when they name one, none
   * for {@code --version}, all otherwise (usage help lists them).
   */
  static CommandLine commandLine(String... args) {
    String first = args.length > 0 ? args[0] : "";
    if (SUBCOMMANDS.containsKey(first) && !NEED_ALL.contains(first)) {
      return configure(Set.of(first));
    }
    if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) {
      return configure(Set.of());
    }
    return commandLine();
  }

  /** Names are spelled out (and checked against the annotations by MainTest) so that a run does
   *  not read every subcommand's annotations to find the one it needs. */
  private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (int i = 0; i < nameThenClass.length; i += 2) {
      byName.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
    }
    return Collections.unmodifiableMap(byName);
  }

  /** The subcommands by name, in usage order. */
  static Map<String, Class<?>> subcommandTypes() {
    return SUBCOMMANDS;
  }

  private static CommandLine configure(Set<String> names) {
    CommandLine cl = new CommandLine(new Main());
    SUBCOMMANDS.forEach((name, type) -> {
      if (names.contains(name)) {
        cl.addSubcommand(name, type);
      }
    });
    cl.setUsageHelpWidth(110);
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
