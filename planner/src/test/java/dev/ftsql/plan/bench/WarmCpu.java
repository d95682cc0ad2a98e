package dev.ftsql.plan.bench;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.sql.analyze.StatementParser;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Thread CPU time per warm {@code parse}, {@code analyze} and {@code compile} of each benchmark
 * query, after a long warm-up (default 3,000 rounds of all queries). A plain main, not JMH: on a
 * loaded machine C2 needs far longer than JMH's warm-up to finish, and CPU time is much less
 * disturbed by other load than wall time.
 *
 * <pre>java -cp CP dev.ftsql.plan.bench.WarmCpu [WARMUP_ROUNDS]</pre>
 */
public final class WarmCpu {
  private WarmCpu() {}

  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Compiler compiler = new Compiler(CatalogLoader.embedded("6.12"));
    PlanOptions options = PlanOptions.defaults();
    for (int w = 0; w < warmup; w++) {
      for (String sql : Queries.SQL) {
        compiler.compile(sql, options);
      }
    }
    int n = 500;
    System.out.printf(Locale.ROOT, "%-8s %10s %10s %10s   (CPU µs per call, %d calls each)%n",
        "query", "parse", "analyze", "compile", n);
    double total = 0;
    for (int i = 0; i < Queries.SQL.size(); i++) {
      String sql = Queries.SQL.get(i);
      long t0 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < n; k++) {
        StatementParser.parse(sql);
      }
      long t1 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < n; k++) {
        compiler.analyze(sql);
      }
      long t2 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < n; k++) {
        compiler.compile(sql, options);
      }
      long t3 = threads.getCurrentThreadCpuTime();
      double compile = (t3 - t2) / 1e3 / n;
      total += compile;
      System.out.printf(Locale.ROOT, "%-8s %10.0f %10.0f %10.0f%n", Queries.NAMES.get(i),
          (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, compile);
    }
    System.out.printf(Locale.ROOT, "mix: %.0f µs CPU per query = %.0f queries per CPU-second%n",
        total / Queries.SQL.size(), 1e6 / (total / Queries.SQL.size()));
  }
}
