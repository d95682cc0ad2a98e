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
 * Warm compile time of the seed's 3-event chain (hrtimer_expire_entry -> sched_waking ->
 * sched_switch, three latencies), the goal being at most 1 ms. Score = ms per compile.
 *
 * <p>Run with {@code tools/bench/jmh.sh planner ChainCompileBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChainCompileBenchmark {
  static final String CHAIN =
      "SELECT w.common_timestamp - t.common_timestamp AS irq_lat,"
          + " s.common_timestamp - w.common_timestamp AS sched_lat,"
          + " s.common_timestamp - t.common_timestamp AS total"
          + " FROM hrtimer_expire_entry AS t JOIN sched_waking AS w ON t.common_cpu = w.common_cpu"
          + " JOIN sched_switch AS s ON w.pid = s.next_pid";

  private Compiler compiler;
  private PlanOptions options;

  @Setup(Level.Trial)
  public void setUp() {
    compiler = new Compiler(CatalogLoader.embedded("6.12"));
    options = PlanOptions.defaults().withName("chain");
    compiler.compile(CHAIN, options);
  }

  @Benchmark
  public TracePlan chain() {
    return compiler.compile(CHAIN, options);
  }
}
