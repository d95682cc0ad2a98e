package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * Queries compiled for one kernel and applied in one boot of it with the exact lines {@code ftsql
 * sql} prints, then torn down with the {@code --teardown} lines. Each case gets a "histogram" test
 * (every line succeeded, the result histogram has entries and totals, then the suite's and the
 * case's own checks) and a "teardown" test (the trigger files, synthetic_events and instances are
 * as before). A query that does not compile fails its own test only, unless the case expects that
 * kernel to refuse it: then its test checks the message.
 */
final class QuerySuite {
  private QuerySuite() {}

  /**
   * @param label names the boot's files under {@code target/kernel-tests/}
   * @param suiteChecks what every histogram of this suite must show, before the case's own checks
   */
  static Stream<DynamicNode> testsOn(
      Guest guest,
      String kernel,
      String label,
      Duration timeout,
      List<HistCase> cases,
      Consumer<HistResult> suiteChecks) {
    Compiler compiler = new Compiler(CatalogLoader.embedded(kernel));
    Map<String, TracePlan> plans = new LinkedHashMap<>();
    Map<String, Throwable> refused = new LinkedHashMap<>();
    List<GuestCase> guestCases = new ArrayList<>();
    for (HistCase c : cases) {
      Throwable error =
          catchThrowable(() -> plans.put(c.name(), compiler.compile(c.sql(), c.options())));
      if (error != null) {
        refused.put(c.name(), error);
      } else if (c.refusalOn(kernel).isEmpty()) {
        guestCases.add(c.toGuestCase(plans.get(c.name())));
      }
    }
    GuestRun run = guest.run(kernel, label, guestCases, timeout);
    Map<String, HistResult> results = new LinkedHashMap<>();
    for (HistCase c : cases) {
      TracePlan plan = plans.get(c.name());
      if (plan != null) {
        results.put(
            c.name(),
            new HistResult(
                kernel, plan, () -> run.get(c.name()), c.readFirst().size(), results::get));
      }
    }
    Stream<DynamicNode> tests =
        cases.stream()
            .map(
                c ->
                    c.refusalOn(kernel).isPresent()
                        ? refusalTest(kernel, c, refused.get(c.name()))
                        : refused.containsKey(c.name())
                            ? dynamicTest(
                                c.name(),
                                () -> {
                                  throw new AssertionError(
                                      "does not compile for " + kernel + ": " + c.sql(),
                                      refused.get(c.name()));
                                })
                            : caseTests(run, c, results.get(c.name()), suiteChecks));
    return Stream.concat(Stream.of(run.ranToEnd()), tests);
  }

  private static DynamicNode caseTests(
      GuestRun run, HistCase c, HistResult r, Consumer<HistResult> suiteChecks) {
    return dynamicContainer(
        c.name(),
        Stream.of(
            dynamicTest(
                "histogram",
                run.inContext(
                    c.name(),
                    c.sql(),
                    () -> {
                      checkHistogram(r);
                      suiteChecks.accept(r);
                      c.check().accept(r);
                    })),
            dynamicTest(
                "teardown",
                run.inContext(
                    c.name(),
                    c.sql(),
                    () -> r.output().assertCleanTeardown(r.setupLines(), r.teardownLines())))));
  }

  /** What a user checks first in any result: the lines worked and the histogram counted events. */
  private static void checkHistogram(HistResult r) {
    r.output().assertSetupSucceeded(r.setupLines());
    HistBlock h = r.hist();
    assertThat(h.entries()).as("entries of %s", h.triggerInfo()).isNotEmpty();
    assertThat(h.entries()).allSatisfy(e -> assertThat(e.hitcount()).isPositive());
    assertThat(h.hasTotals()).as("Totals: in%n%s", r.histText()).isTrue();
  }

  /** The compiler refuses the query for this kernel, with a message that says why. */
  private static DynamicNode refusalTest(String kernel, HistCase c, Throwable error) {
    return dynamicTest(
        c.name() + " is refused",
        () ->
            assertThat(error)
                .as("compiling for %s: %s", kernel, c.sql())
                .isInstanceOf(SqlError.class)
                .hasMessageContaining(c.refusalOn(kernel).orElseThrow())
                .satisfies(
                    e -> assertThat(((SqlError) e).span()).as("where in the SQL").isPresent()));
  }
}
