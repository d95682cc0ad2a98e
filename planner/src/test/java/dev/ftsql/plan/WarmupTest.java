package dev.ftsql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.analyze.Warmup;
import dev.ftsql.sql.catalog.CatalogLoader;
import org.junit.jupiter.api.Test;

/** The CLI warms Calcite up on a second thread; a compile racing it must be unaffected. */
class WarmupTest {
  @Test
  void aCompileRacingTheWarmUpGivesTheUsualPlanAndErrors() {
    Warmup.start();
    Compiler compiler = new Compiler(CatalogLoader.embedded("6.12"));
    TracePlan plan =
        compiler.compile(
            "SELECT next_comm, COUNT(*) FROM sched_switch WHERE prev_prio < 100 GROUP BY next_comm",
            PlanOptions.defaults());
    assertThat(plan.steps()).hasSize(1);
    assertThat(plan.steps().get(0).line()).isEqualTo("hist:keys=next_comm if prev_prio < 100");
    assertThatThrownBy(() -> compiler.compile("SELECT nope FROM sched_switch", PlanOptions.defaults()))
        .isInstanceOf(SqlError.class)
        .hasMessageContaining("nope");
  }
}
