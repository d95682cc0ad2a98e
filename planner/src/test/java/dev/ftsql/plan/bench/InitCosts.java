package dev.ftsql.plan.bench;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.sql.analyze.FtraceOperators;
import dev.ftsql.sql.analyze.StatementParser;
import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import dev.ftsql.sql.dialect.Dialect;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

/**
 * First-touch cost of the pieces a cold {@code ftsql sql} initialises, in the order the compiler
 * reaches them: wall ms, this thread's CPU ms, classes loaded. Each step only pays for what the
 * steps before it did not load, so read it as "what this step added". Plain main (not JMH, not a
 * test), run by tools/bench/run.sh.
 */
public final class InitCosts {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
  private static long wall0;
  private static long cpu0;
  private static long classes0;

  private InitCosts() {}

  public static void main(String[] args) {
    String sql = args.length > 0 ? args[0] : Queries.SQL.get(0);
    System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s%n", "step (first touch)", "wall ms", "cpu ms", "classes");
    mark();
    EventCatalog catalog = CatalogLoader.embedded("6.12");
    step("CatalogLoader.embedded(6.12) (gunzip + split)");
    catalog.eventsNamed("kmalloc");
    step("first event lookup (FormatParser, 1 format)");
    SqlParser parser = SqlParser.create("", StatementParser.CONFIG);
    step("SqlParser.create (SqlParserImpl class init)");
    parser.getMetadata();
    step("parser.getMetadata() (what ReservedWords calls)");
    Dialect.normalize(sql);
    step("Dialect.normalize (ftsql lexer/rewriter + ReservedWords)");
    try {
      SqlParser.create("SELECT a, COUNT(*) FROM t GROUP BY a", StatementParser.CONFIG).parseQuery();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    step("first parseQuery (SqlNode, SqlStdOperatorTable fields)");
    StatementParser.parse(sql);
    step("StatementParser.parse of the query (+ SqlhistRewriter)");
    SqlStdOperatorTable.instance();
    step("SqlStdOperatorTable.instance() (lookup map)");
    FtraceOperators.table();
    step("FtraceOperators.table()");
    new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    step("new SqlTypeFactoryImpl");
    CalciteSchema.createRootSchema(false, false);
    step("CalciteSchema.createRootSchema");
    Compiler compiler = new Compiler(catalog);
    step("new Compiler (KernelProfile)");
    compiler.analyze(sql);
    step("Compiler.analyze (mostly Calcite validation)");
    compiler.compile(sql, PlanOptions.defaults());
    step("Compiler.compile (analyze again + plan)");
    compiler.compile(sql, PlanOptions.defaults());
    step("Compiler.compile again (no class loading left)");
  }

  private static void mark() {
    wall0 = System.nanoTime();
    cpu0 = THREADS.getCurrentThreadCpuTime();
    classes0 = CLASSES.getTotalLoadedClassCount();
  }

  private static void step(String name) {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long classes = CLASSES.getTotalLoadedClassCount();
    System.out.printf(Locale.ROOT, "%-58s %8.1f %8.1f %8d%n", name, (wall - wall0) / 1e6,
        (cpu - cpu0) / 1e6, classes - classes0);
    mark();
  }
}
