package dev.ftsql.tracefs.bench;

import dev.ftsql.tracefs.hist.HistFile;
import dev.ftsql.tracefs.hist.HistParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * HistParser throughput on the largest table the kernel allows: 131,072 entries of three keys
 * (execname, sym, log2) and a value. One operation is one entry, so the score is rows per second
 * (the goal: at least 1,000,000 on one core). Measured on the shared 2-core build machine, JDK 17:
 * 3.37M ± 0.22M rows/s (39 ms a parse) when quiet, 2.2M under a load average of 7; about 167
 * bytes allocated per entry. Not a test: surefire never runs it. Run it with
 *
 * <pre>
 * mvn -o -q -pl tracefs-backend test-compile
 * java -cp "tracefs-backend/target/test-classes:tracefs-backend/target/classes:$JMH_CLASSPATH" \
 *     dev.ftsql.tracefs.bench.HistParserBenchmark
 * </pre>
 *
 * where {@code JMH_CLASSPATH} holds jmh-core, jopt-simple and commons-math3 (e.g. from
 * {@code mvn -pl tracefs-backend dependency:build-classpath -Dmdep.includeScope=test}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(HistParserBenchmark.ENTRIES)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
@Threads(1)
public class HistParserBenchmark {
  static final int ENTRIES = 131_072;

  private String text;

  @Setup
  public void generate() {
    text = SyntheticHist.generate(ENTRIES);
  }

  @Benchmark
  public HistFile parse() {
    return HistParser.parse(text);
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(HistParserBenchmark.class.getName()).build()).run();
  }
}
