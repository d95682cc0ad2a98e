package dev.ftsql.tracefs.result;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.ResultSpec;
import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.tracefs.GoldenHist;
import java.util.HashMap;
import java.util.Map;

/** The queries behind the {@code ftsql-*} captures, compiled as the CLI would, and read back. */
final class CompiledQueries {
  static final String KMALLOC = "SELECT execname(common_pid), log2(bytes_req), COUNT(*), SUM(bytes_alloc),"
      + " AVG(bytes_req), MAX(bytes_req) FROM kmalloc GROUP BY common_pid, log2(bytes_req) ORDER BY 3 DESC LIMIT 5";
  static final String HIDDEN = "SELECT COUNT(*), SUM(bytes_req) FROM kmalloc";
  static final String HAVING = "SELECT next_comm, COUNT(*) AS switches, AVG(prev_prio) FROM sched_switch"
      + " GROUP BY next_comm HAVING COUNT(*) > 5 ORDER BY switches DESC, next_comm";
  static final String LOG2 = "SELECT log2(count) AS size, COUNT(*) FROM sys_enter_write WHERE COMM = 'head'"
      + " GROUP BY log2(count)";
  static final String BUCKETS = "SELECT bucket(count, 10), COUNT(*), SUM(count) FROM sys_enter_write"
      + " WHERE COMM = 'head' GROUP BY bucket(count, 10)";
  static final String SYSCALLS = "SELECT syscall_name(id), COUNT(*) FROM raw_syscalls.sys_enter GROUP BY id"
      + " ORDER BY COUNT(*) DESC LIMIT 10";
  static final String SYMBOLS = "SELECT sym(call_site), SUM(bytes_alloc) AS bytes FROM kmalloc"
      + " GROUP BY sym(call_site) ORDER BY bytes DESC LIMIT 10";
  /** Matches the {@code hex} capture: {@code keys=call_site.hex:vals=hitcount,bytes_alloc.hex}. */
  static final String HEX = "SELECT hex(call_site) AS site, COUNT(*), SUM(hex(bytes_alloc)) AS bytes FROM kmalloc"
      + " GROUP BY hex(call_site)";
  /** Matches the {@code dynstring} capture: {@code keys=filename}, a {@code __data_loc char[]}. */
  static final String FILENAMES = "SELECT filename, COUNT(*) FROM sched_process_exec GROUP BY filename";
  static final String STACKS = "SELECT common_stacktrace, COUNT(*) FROM sched_process_fork GROUP BY common_stacktrace";

  private static final Map<String, Compiler> COMPILERS = new HashMap<>();

  private CompiledQueries() {}

  static synchronized ResultSpec spec(String kernel, String sql) {
    Compiler c = COMPILERS.computeIfAbsent(kernel, k -> new Compiler(CatalogLoader.embedded(k)));
    return c.compile(sql, PlanOptions.defaults()).result();
  }

  /** Compiles {@code sql} for {@code kernel} and reads the capture {@code ftsql-<name>} with it. */
  static ResultTable read(String kernel, String name, String sql) {
    return readCapture(kernel, "ftsql-" + name, sql);
  }

  /** Reads the capture {@code capture} (any case of the hist corpus) with {@code sql}'s plan. */
  static ResultTable readCapture(String kernel, String capture, String sql) {
    return ResultReader.read(spec(kernel, sql), GoldenHist.hist(kernel, capture));
  }
}
