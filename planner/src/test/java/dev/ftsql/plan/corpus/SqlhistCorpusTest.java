package dev.ftsql.plan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every histogram-only case of the libtracefs sqlhist corpus, compiled by ftsql. Where libtracefs
 * produced a trigger, ftsql must produce an equivalent one (same file, keys in order with their
 * modifiers, values, filter meaning); where libtracefs refused with good reason, ftsql must refuse
 * too, with a one-line message that points into the SQL. Where libtracefs refused valid SQL,
 * crashed, hung or wrote a trigger the kernel refuses, the case file says what ftsql does instead
 * and why. sqlhist writes {@code >} where ftsql writes {@code >>}; that is the shell export, not the
 * plan, and is not compared here.
 */
class SqlhistCorpusTest {
  private static final EventCatalog CATALOG = CorpusCatalog.kernel612WithCorpusEvents();
  private static final Compiler COMPILER = new Compiler(CATALOG);
  private static final Map<Outcome, List<String>> OUTCOMES = new EnumMap<>(Outcome.class);

  /** The summary rows. */
  private enum Outcome {
    EQUIVALENT("equivalent trigger"),
    REJECTED_LIKE_LIBTRACEFS("correctly rejected"),
    INTENTIONALLY_DIFFERENT("intentionally different"),
    KNOWN_FTSQL_FAILURE("known ftsql failure");

    final String label;

    Outcome(String label) {
      this.label = label;
    }
  }

  @TestFactory
  Stream<DynamicTest> histogramOnlyCases() {
    return SqlhistCase.load().stream().map(c -> dynamicTest(c.toString(), () -> run(c)));
  }

  /** The case file holds the whole histogram-only part of the corpus index, nothing else. */
  @Test
  void caseFileCoversTheCorpusIndex() {
    assertThat(SqlhistCase.load().stream().map(SqlhistCase::id))
        .containsExactlyInAnyOrder(
            ("D12 D13 D14 D15 D16 G10 G11 T01 P01 P02 P03 P04 P05 P06 P07 P08 P09 P10 P11 P12 P13"
                    + " P14 P15 P16 P17 P18 P19 P20 P21 P22 P23 P24 P25 P26 P27 P28 P29 P30 P31 P32"
                    + " P34 P35 K03 P36 P37 P38 P39 P40 P41 P42 P44 K07 K09 K14 K15 K17 N01 N02 N03"
                    + " J18 L02 K02 K04 L03 P43 P45 S02 S04 X03")
                .split(" "));
  }

  /** The hand-written formats stand in only for events the 6.12 snapshot really lacks. */
  @Test
  void addedEventsAreMissingFromTheEmbedded612Catalog() {
    EventCatalog embedded = CatalogLoader.embedded("6.12");
    for (String path : CorpusCatalog.ADDED_EVENTS.keySet()) {
      String[] parts = path.split("/");
      assertThat(embedded.event(parts[1], parts[2])).as(path).isEmpty();
      assertThat(CATALOG.event(parts[1], parts[2])).as(path).isPresent();
    }
  }

  @AfterAll
  static void printSummary() {
    int total = SqlhistCase.load().size();
    StringBuilder summary = new StringBuilder("sqlhist corpus, histogram-only cases: " + total + "\n");
    int passed = 0;
    synchronized (OUTCOMES) {
      for (Outcome outcome : Outcome.values()) {
        List<String> ids = OUTCOMES.getOrDefault(outcome, List.of());
        passed += ids.size();
        summary.append(String.format(Locale.ROOT, "  %-24s %3d  %s%n", outcome.label, ids.size(), String.join(" ", ids)));
      }
    }
    summary.append(String.format(Locale.ROOT, "  %-24s %3d%n", "failed (see the report)", total - passed));
    System.out.print(summary);
  }

  private static void run(SqlhistCase c) {
    Runnable check =
        () -> {
          try {
            switch (c.verdict()) {
              case SAME, ACCEPT -> assertCompilesToTheExpectedTrigger(c);
              case REJECT -> assertRefusedWithAClearMessage(c);
            }
          } catch (AssertionError e) {
            // Surefire names dynamic tests by index; say which case failed.
            throw new AssertionError(c + "\n" + e.getMessage(), e);
          }
        };
    if (c.knownFailure().isEmpty()) {
      check.run();
      record(c.agreesWithLibtracefs() ? agreement(c) : Outcome.INTENTIONALLY_DIFFERENT, c);
      return;
    }
    // A known failure must still fail: once ftsql is fixed, the marker has to go.
    try {
      check.run();
    } catch (AssertionError stillBroken) {
      record(Outcome.KNOWN_FTSQL_FAILURE, c);
      Assumptions.abort("known ftsql failure: " + c.knownFailure().get() + "\n" + stillBroken.getMessage());
    }
    fail("%s now passes: remove its known-failure line", c.id());
  }

  private static Outcome agreement(SqlhistCase c) {
    return c.verdict() == SqlhistCase.Verdict.SAME
        ? Outcome.EQUIVALENT
        : Outcome.REJECTED_LIKE_LIBTRACEFS;
  }

  private static void assertCompilesToTheExpectedTrigger(SqlhistCase c) {
    TracePlan plan;
    try {
      plan = COMPILER.compile(c.sql(), options(c));
    } catch (SqlError e) {
      throw new AssertionError("ftsql refused it: " + e.render(c.sql()), e);
    }
    assertThat(plan.steps()).as("one hist trigger").hasSize(1);
    Step step = plan.steps().get(0);
    assertThat(plan.root() + step.file()).as("trigger file").isEqualTo(c.expectedFile());

    HistTriggerLine ours = HistTriggerLine.parse(step.line());
    HistTriggerLine expected = HistTriggerLine.parse(c.expectedTrigger());
    String both = "\n  ftsql:    " + step.line() + "\n  expected: " + c.expectedTrigger();
    assertThat(ours.keys()).as("keys, in order" + both).containsExactlyElementsOf(expected.keys());
    assertThat(ours.values()).as("values" + both).containsExactlyInAnyOrderElementsOf(expected.values());
    assertThat(ours.otherAttributes()).as("sort/size/variables/actions" + both)
        .containsExactlyElementsOf(expected.otherAttributes());
    assertThat(ours.filter().isPresent()).as("has a filter" + both).isEqualTo(expected.filter().isPresent());
    if (expected.filter().isPresent()) {
      assertThat(ours.filter().get().meansTheSameAs(expected.filter().get()))
          .as("the filters accept the same records" + both)
          .isTrue();
    }
    c.expectedLimit().ifPresent(limit -> assertThat(plan.result().limit()).as("LIMIT").hasValue(limit));
  }

  private static void assertRefusedWithAClearMessage(SqlhistCase c) {
    c.refusal().assertRefuses(COMPILER, c.sql(), options(c));
  }

  private static PlanOptions options(SqlhistCase c) {
    return c.instance().map(PlanOptions.defaults()::withInstance).orElse(PlanOptions.defaults());
  }

  private static void record(Outcome outcome, SqlhistCase c) {
    synchronized (OUTCOMES) {
      OUTCOMES.computeIfAbsent(outcome, o -> new ArrayList<>()).add(c.id());
    }
  }
}
