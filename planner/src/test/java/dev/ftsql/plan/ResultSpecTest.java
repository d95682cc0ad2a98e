package dev.ftsql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.query.Display;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a plan tells the reader about its columns: the field's type and the hex wish, per kernel. */
class ResultSpecTest {

  private static ResultSpec spec(String kernel, String sql) {
    return new Compiler(CatalogLoader.embedded(kernel)).compile(sql, PlanOptions.defaults()).result();
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void keysCarryTheTypeOfTheirField(String kernel) {
    ResultSpec s = spec(kernel, "SELECT next_comm, next_pid, common_stacktrace, COUNT(*) FROM sched_switch"
        + " GROUP BY next_comm, next_pid, common_stacktrace");
    assertThat(s.keys()).extracting(ResultSpec.KeyColumn::display, ResultSpec.KeyColumn::type).containsExactly(
        tuple(Display.PLAIN, ResultSpec.KeyType.STRING),
        tuple(Display.PLAIN, ResultSpec.KeyType.NUMBER),
        tuple(Display.PLAIN, ResultSpec.KeyType.STACKTRACE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void aJoinsStringOutputIsAStringKey(String kernel) {
    ResultSpec s = spec(kernel, "WITH wakeup AS (SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp"
        + " AS lat FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid)"
        + " SELECT comm, log2(lat), COUNT(*) FROM wakeup GROUP BY comm, log2(lat)");
    assertThat(s.keys()).extracting(ResultSpec.KeyColumn::type)
        .containsExactly(ResultSpec.KeyType.STRING, ResultSpec.KeyType.NUMBER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void onlyTheSumAskedInHexIsHex(String kernel) {
    ResultSpec s = spec(kernel, "SELECT hex(call_site), COUNT(*), SUM(hex(bytes_alloc)), SUM(bytes_req) FROM kmalloc"
        + " GROUP BY hex(call_site)");
    assertThat(s.keys()).extracting(ResultSpec.KeyColumn::display, ResultSpec.KeyColumn::type)
        .containsExactly(tuple(Display.HEX, ResultSpec.KeyType.NUMBER));
    assertThat(s.aggregates()).extracting(ResultSpec.AggregateColumn::histName, ResultSpec.AggregateColumn::hex)
        .containsExactly(tuple("hitcount", false), tuple("bytes_alloc", true), tuple("bytes_req", false));
  }
}
