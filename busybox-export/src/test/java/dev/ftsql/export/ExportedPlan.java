package dev.ftsql.export;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.util.List;
import java.util.Map;

/** A query compiled for an embedded kernel, and its script. */
record ExportedPlan(String sql, TracePlan plan, String script) {
  private static final Map<String, Compiler> COMPILERS =
      Map.of(
          "6.1", new Compiler(CatalogLoader.embedded("6.1")),
          "6.12", new Compiler(CatalogLoader.embedded("6.12")));

  static final String SINGLE = "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm";
  static final String JOIN =
      "WITH wakeup AS (SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp AS lat"
          + " FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid)"
          + " SELECT comm, log2(lat) AS lat_ns, COUNT(*) FROM wakeup GROUP BY comm, log2(lat)";
  static final String CHAIN =
      "SELECT w.common_timestamp - t.common_timestamp AS irq_lat,"
          + " s.common_timestamp - w.common_timestamp AS sched_lat,"
          + " s.common_timestamp - t.common_timestamp AS total"
          + " FROM hrtimer_expire_entry AS t JOIN sched_waking AS w ON t.common_cpu = w.common_cpu"
          + " JOIN sched_switch AS s ON w.pid = s.next_pid";
  static final String INSTANCE_JOIN =
      "WITH j AS (SELECT s.common_timestamp - w.common_timestamp AS lat FROM sched_waking AS w"
          + " JOIN sched_switch AS s ON w.pid = s.next_pid)"
          + " SELECT bucket(lat, 1000), COUNT(*) FROM j GROUP BY bucket(lat, 1000)";

  /** Queries of every shape the planner makes, for the property tests. */
  static final List<String> VARIETY =
      List.of(
          SINGLE,
          JOIN,
          CHAIN,
          INSTANCE_JOIN,
          "SELECT common_cpu, next_prio, COUNT(*) FROM sched_switch GROUP BY common_cpu, next_prio",
          "SELECT execname(common_pid), COUNT(*), SUM(bytes_alloc), AVG(bytes_req) FROM kmalloc"
              + " GROUP BY common_pid",
          "SELECT next_comm, MAX(next_prio) FROM sched_switch GROUP BY next_comm",
          "SELECT next_comm, COUNT(*) AS n FROM sched_switch WHERE prev_state = 1 AND next_comm"
              + " LIKE 'k%' GROUP BY next_comm ORDER BY n DESC LIMIT 3",
          "SELECT COUNT(*), SUM(bytes_alloc) FROM kmalloc",
          "SELECT STACKTRACE, COUNT(*) FROM sched_switch GROUP BY STACKTRACE",
          "SELECT comm, MAX(lat) AS worst, COUNT(*) FROM (SELECT s.next_comm AS comm,"
              + " s.common_timestamp - w.common_timestamp AS lat FROM sched_waking AS w JOIN"
              + " sched_switch AS s ON w.pid = s.next_pid) AS j WHERE lat > 10000 GROUP BY comm",
          "WITH blocked AS (SELECT b.next_comm AS comm, b.common_timestamp - a.common_timestamp AS"
              + " lat FROM sched_switch AS a JOIN sched_switch AS b ON a.prev_pid = b.next_pid"
              + " WHERE a.prev_state = 1) SELECT comm, SUM(lat) AS total_ns, COUNT(*) FROM blocked"
              + " GROUP BY comm",
          "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_comm = 'x''; touch /tmp/p;"
              + " echo ''' GROUP BY next_comm");

  static ExportedPlan of(String kernel, String sql, PlanOptions options) {
    Compiler compiler = COMPILERS.get(kernel);
    TracePlan plan = compiler.compile(sql, options);
    return new ExportedPlan(
        sql, plan, BusyBoxScript.render(plan, sql, compiler.profile().description()));
  }

  static ExportedPlan of(String sql) {
    return of("6.12", sql, PlanOptions.defaults());
  }

  /** The script up to the part that is the same for every plan. */
  String planPart() {
    String runtime = PackagedText.read("script-runtime.sh");
    if (!script.endsWith(runtime)) {
      throw new AssertionError("the script does not end with script-runtime.sh");
    }
    return script.substring(0, script.length() - runtime.length());
  }
}
