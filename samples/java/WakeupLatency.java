import dev.ftsql.tracefs.Ftsql;
import dev.ftsql.tracefs.TracefsSession;
import dev.ftsql.tracefs.result.OutputFormat;
import dev.ftsql.tracefs.result.Percentiles;
import dev.ftsql.tracefs.result.ResultTable;
import java.nio.file.Path;

/**
 * What a dashboard does with the ftsql library: put a query on the live kernel, read its result
 * every second, take it down at the end (also on Ctrl-C). Here: scheduler wakeup latency as a log2
 * histogram, with its percentiles.
 *
 * <pre>
 * mvn -q -B -o install -DskipTests
 * sudo java -cp cli/target/ftsql.jar:samples/target/ftsql-samples-0.1.0-SNAPSHOT.jar WakeupLatency 5
 * </pre>
 *
 * Arguments: seconds (default 5), and a tracefs directory (default: the live one). Needs root and a
 * kernel with hist triggers (CONFIG_HIST_TRIGGERS). If the program is killed with -9, the plan
 * stays applied and recorded: {@code ftsql list} shows it, {@code ftsql stop --all} removes it.
 */
public final class WakeupLatency {
  static final String SQL = "WITH wakeup AS ("
      + " SELECT s.common_timestamp - w.common_timestamp AS lat"
      + " FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid)"
      + " SELECT log2(lat) AS lat_ns, COUNT(*) AS wakeups FROM wakeup GROUP BY log2(lat)";

  private WakeupLatency() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Ftsql ftsql = args.length > 1 ? Ftsql.open(Path.of(args[1])) : Ftsql.open();

    // Compiled for this kernel's events, applied in one transaction (all lines or none), recorded.
    try (TracefsSession session = ftsql.apply(SQL)) {
      // close() is idempotent and thread-safe: Ctrl-C takes the triggers down too.
      Runtime.getRuntime().addShutdownHook(new Thread(session::close));
      for (int i = 1; i <= seconds; i++) {
        Thread.sleep(1000);
        ResultTable t = session.read();
        String p = Percentiles.of(t)
            .map(x -> String.format("p50 %.0f ns, p90 %.0f ns, p99 %.0f ns", x.p50(), x.p90(), x.p99()))
            .orElse("no wakeups yet");
        System.out.printf("%2ds: %d wakeups; %s%n", i, t.totals().hits(), p);
      }
      OutputFormat.BARS.write(session.read(), System.out);
    }
  }
}
