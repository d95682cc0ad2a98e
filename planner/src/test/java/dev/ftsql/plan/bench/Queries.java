package dev.ftsql.plan.bench;

import java.util.List;

/** The single-event queries the benchmarks compile: one of each kind of lowering ftsql does. */
final class Queries {
  private Queries() {}

  /** Short names, in the order of {@link #SQL}; JMH {@code @Param} values refer to these. */
  static final List<String> NAMES = List.of("counter", "topN", "readme", "onmax", "filter");

  static final List<String> SQL =
      List.of(
          // sqlhist dialect: a key and a CAST(... AS _COUNTER_) value (the CLI comparison query)
          "SELECT common_pid, CAST(bytes_req AS _COUNTER_) FROM kmalloc",
          // GROUP BY, COUNT(*), ORDER BY ... DESC LIMIT
          "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm ORDER BY COUNT(*) DESC LIMIT 10",
          // the README example: two keys with modifiers, SUM, WHERE, ORDER BY an alias, system.event
          "SELECT sym(call_site) AS site, log2(bytes_req) AS size, COUNT(*), SUM(bytes_alloc) AS bytes"
              + " FROM kmem.kmalloc WHERE bytes_req > 64 GROUP BY call_site, log2(bytes_req)"
              + " ORDER BY bytes DESC LIMIT 20",
          // MAX -> variable + onmax().save(), with an OR/NOT filter
          "SELECT next_comm, MAX(prev_prio) FROM sched_switch"
              + " WHERE (prev_prio < 100 OR next_prio < 100) AND NOT prev_state = 0 GROUP BY next_comm",
          // IN, BETWEEN and LIKE in the filter
          "SELECT next_comm, COUNT(*) FROM sched_switch WHERE next_prio IN (98, 99)"
              + " AND prev_prio BETWEEN 100 AND 139 AND next_comm LIKE 'kworker%'"
              + " GROUP BY next_comm ORDER BY COUNT(*) DESC LIMIT 10");

  static String byName(String name) {
    int i = NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown query " + name + "; one of " + NAMES);
    }
    return SQL.get(i);
  }
}
