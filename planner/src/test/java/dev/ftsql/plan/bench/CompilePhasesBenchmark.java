package dev.ftsql.plan.bench;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.analyze.ParsedStatement;
import dev.ftsql.sql.analyze.StatementParser;
import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import dev.ftsql.sql.query.Query;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where a warm compile spends its time, per query (µs/op): {@code parse} (dialect + Calcite
 * parser), {@code analyze} (parse + resolve + Calcite validation + reading the query off the tree),
 * {@code compile} (analyze + plan), and {@code newCompiler} (the per-catalog setup the CLI pays
 * once).
 *
 * <p>Run with {@code tools/bench/jmh.sh planner CompilePhases} (not a JUnit test). Each
 * (benchmark, query) pair is its own fork, so each needs its own warm-up: C2 takes several seconds
 * to compile Calcite's parser and validator, longer on a loaded machine, hence 15 warm-up seconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompilePhasesBenchmark {
  @Param({"counter", "topN", "readme", "onmax", "filter"})
  public String query;

  private EventCatalog catalog;
  private Compiler compiler;
  private PlanOptions options;
  private String sql;

  @Setup(Level.Trial)
  public void setUp() {
    catalog = CatalogLoader.embedded("6.12");
    compiler = new Compiler(catalog);
    options = PlanOptions.defaults();
    sql = Queries.byName(query);
    compiler.compile(sql, options);
  }

  @Benchmark
  public ParsedStatement parse() {
    return StatementParser.parse(sql);
  }

  @Benchmark
  public Query analyze() {
    return compiler.analyze(sql);
  }

  @Benchmark
  public TracePlan compile() {
    return compiler.compile(sql, options);
  }

  @Benchmark
  public Compiler newCompiler() {
    return new Compiler(catalog);
  }
}
