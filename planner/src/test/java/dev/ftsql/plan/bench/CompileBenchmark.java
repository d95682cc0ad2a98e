package dev.ftsql.plan.bench;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm, in-process compile throughput: one {@code new Compiler(catalog)} over the embedded 6.12
 * catalog, then {@code compile(sql, PlanOptions.defaults())} per operation, round robin over the 5
 * queries of {@link Queries}. Score = queries/s on one thread. Goal: at least 2,000.
 *
 * <p>Run with {@code tools/bench/jmh.sh planner} (not a JUnit test).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 20, time = 1)
public class CompileBenchmark {
  private Compiler compiler;
  private PlanOptions options;
  private String[] mix;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    compiler = new Compiler(CatalogLoader.embedded("6.12"));
    options = PlanOptions.defaults();
    mix = Queries.SQL.toArray(new String[0]);
    // Fail fast (and parse the two event formats once) rather than measure exceptions.
    for (String sql : mix) {
      compiler.compile(sql, options);
    }
  }

  @Benchmark
  public TracePlan mix() {
    String sql = mix[next];
    next = next + 1 == mix.length ? 0 : next + 1;
    return compiler.compile(sql, options);
  }
}
