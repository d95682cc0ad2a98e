package dev.ftsql.plan;

import dev.ftsql.sql.analyze.Analyzer;
import dev.ftsql.sql.catalog.EventCatalog;
import dev.ftsql.sql.query.Query;

/**
 * The whole pure pipeline for one target: SQL text to {@link TracePlan}. Reusable across queries;
 * throws {@link dev.ftsql.sql.SqlError} for anything wrong with the statement.
 */
public final class Compiler {
  private final Analyzer analyzer;
  private final Planner planner;
  private final KernelProfile profile;

  public Compiler(EventCatalog catalog) {
    this.analyzer = new Analyzer(catalog);
    this.profile = KernelProfile.of(catalog);
    this.planner = new Planner(profile, name -> !catalog.eventsNamed(name).isEmpty());
  }

  public KernelProfile profile() {
    return profile;
  }

  public Query analyze(String sql) {
    return analyzer.analyze(sql);
  }

  public TracePlan compile(String sql, PlanOptions options) {
    // The default plan name depends on the text alone. Derived before the analysis, which may wait
    // for the Calcite warm-up, a cold start's first SHA-256 (the JDK's security providers, ~8 ms)
    // overlaps the warm-up instead of following it.
    String name = options.name().orElseGet(() -> PlanName.derive(sql));
    return planner.plan(analyzer.analyze(sql), options, name);
  }
}
