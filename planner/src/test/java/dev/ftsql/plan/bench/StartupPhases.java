package dev.ftsql.plan.bench;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.analyze.StatementParser;
import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the phases of one cold compile in a fresh JVM, then (optionally) a warm loop, printing one
 * line per phase: wall ms, this thread's CPU ms, classes loaded during the phase. Not a JUnit test
 * and not JMH: a plain main for tools/bench/run.sh.
 *
 * <pre>
 * java -cp CP dev.ftsql.plan.bench.StartupPhases [--tracefs DIR | --kernel 6.12] [--warm SECONDS] [SQL]
 * </pre>
 *
 * <p>The phases are those of {@code ftsql sql}: load the catalog, {@code new Compiler}, then the
 * pieces of {@code compile}: {@code StatementParser.parse} (dialect + Calcite parser), {@code
 * analyze} (which parses again, resolves the event, validates with Calcite and reads the query), and
 * {@code compile} (analyze + plan). The first parse pays for the parser's class loading, so the
 * first analyze only pays for what comes after it, and so on. {@code --warm} then compiles the 5
 * benchmark queries round robin for that many seconds and reports queries per wall second and per
 * CPU second of this thread (the latter is less sensitive to other load on a shared machine).
 */
public final class StartupPhases {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final java.lang.management.ClassLoadingMXBean CLASSES =
      ManagementFactory.getClassLoadingMXBean();

  private record Phase(String name, double wallMs, double cpuMs, long classes) {}

  private static final List<Phase> PHASES = new ArrayList<>();
  private static long wall0;
  private static long cpu0;
  private static long classes0;

  private StartupPhases() {}

  public static void main(String[] args) {
    // JVM start to main(): from the process start time (10 ms resolution on Linux).
    long startMillis = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    double toMain = startMillis == 0 ? Double.NaN : System.currentTimeMillis() - startMillis;
    long classesAtMain = CLASSES.getTotalLoadedClassCount();

    String tracefs = null;
    String kernel = "6.12";
    double warmSeconds = 0;
    String sql = Queries.SQL.get(0);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tracefs" -> tracefs = args[++i];
        case "--kernel" -> kernel = args[++i];
        case "--warm" -> warmSeconds = Double.parseDouble(args[++i]);
        default -> sql = args[i];
      }
    }
    mark();
    EventCatalog catalog =
        tracefs != null ? CatalogLoader.fromTracefs(Path.of(tracefs)) : CatalogLoader.embedded(kernel);
    phase(tracefs != null ? "catalog fromTracefs" : "catalog embedded " + kernel);
    Compiler compiler = new Compiler(catalog);
    phase("new Compiler");
    StatementParser.parse(sql);
    phase("first parse");
    compiler.analyze(sql);
    phase("first analyze (parse+resolve+validate)");
    TracePlan plan = compiler.compile(sql, PlanOptions.defaults());
    phase("first compile (analyze+plan)");
    compiler.compile(sql, PlanOptions.defaults());
    phase("second compile, same query");
    for (String other : Queries.SQL) {
      compiler.compile(other, PlanOptions.defaults());
    }
    phase("first compile of the 5 benchmark queries");

    System.out.printf(Locale.ROOT, "%-42s %9s %9s %8s%n", "phase", "wall ms", "cpu ms", "classes");
    System.out.printf(Locale.ROOT, "%-42s %9.0f %9s %8d%n", "JVM start to main() (+JMX beans)", toMain, "", classesAtMain);
    double total = 0;
    for (Phase p : PHASES) {
      total += p.wallMs;
      System.out.printf(Locale.ROOT, "%-42s %9.1f %9.1f %8d%n", p.name, p.wallMs, p.cpuMs, p.classes);
    }
    System.out.printf(Locale.ROOT, "%-42s %9.1f %9s %8d%n", "sum of phases", total, "",
        CLASSES.getTotalLoadedClassCount() - classesAtMain);
    System.out.println("plan steps: " + plan.steps().size());

    if (warmSeconds > 0) {
      warm(compiler, warmSeconds);
    }
  }

  private static void warm(Compiler compiler, double seconds) {
    PlanOptions options = PlanOptions.defaults();
    String[] mix = Queries.SQL.toArray(new String[0]);
    // warm-up: half the time, then measure the other half in 1 s windows
    long end = System.nanoTime() + (long) (seconds / 2 * 1e9);
    int i = 0;
    while (System.nanoTime() < end) {
      compiler.compile(mix[i++ % mix.length], options);
    }
    int windows = Math.max(1, (int) Math.round(seconds / 2));
    System.out.printf(Locale.ROOT, "%-10s %12s %14s%n", "window", "queries/s", "queries/cpu-s");
    for (int w = 0; w < windows; w++) {
      long t0 = System.nanoTime();
      long c0 = THREADS.getCurrentThreadCpuTime();
      int n = 0;
      while (System.nanoTime() - t0 < 1_000_000_000L) {
        compiler.compile(mix[i++ % mix.length], options);
        n++;
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf(Locale.ROOT, "%-10d %12.0f %14.0f%n", w, n / wall, n / cpu);
    }
  }

  private static void mark() {
    wall0 = System.nanoTime();
    cpu0 = THREADS.getCurrentThreadCpuTime();
    classes0 = CLASSES.getTotalLoadedClassCount();
  }

  private static void phase(String name) {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long classes = CLASSES.getTotalLoadedClassCount();
    PHASES.add(new Phase(name, (wall - wall0) / 1e6, (cpu - cpu0) / 1e6, classes - classes0));
    mark();
  }
}
