package dev.ftsql.plan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.plan.corpus.JoinMeaning.Write;
import dev.ftsql.sql.SqlError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every join case of the libtracefs sqlhist corpus, compiled by ftsql with the same sqlhist
 * options. Where libtracefs wrote a join, ftsql's plan must mean the same ({@link JoinMeaning}: the
 * synthetic event's field types and names, each event's keys and filter, what each field carries,
 * the handler and its actions), compared part by part, never as text. Where libtracefs refused with
 * good reason, ftsql must refuse too, with a one-line message that points into the SQL. Where
 * libtracefs refused valid SQL, hung, or wrote something that means other than the SQL says, the
 * case file says what ftsql does instead and why.
 */
class SqlhistJoinCorpusTest {
  private static final Compiler COMPILER = new Compiler(CorpusCatalog.kernel612WithCorpusEvents());
  private static final Map<Outcome, List<String>> OUTCOMES = new EnumMap<>(Outcome.class);

  /** The summary rows. */
  private enum Outcome {
    EQUIVALENT("same meaning"),
    REJECTED_LIKE_LIBTRACEFS("correctly rejected"),
    INTENTIONALLY_DIFFERENT("intentionally different");

    final String label;

    Outcome(String label) {
      this.label = label;
    }
  }

  @TestFactory
  Stream<DynamicTest> joinCases() {
    return SqlhistJoinCase.load().stream().map(c -> dynamicTest(c.toString(), () -> run(c)));
  }

  /** The case file holds every join case of the corpus index; the histogram-only file the rest. */
  @Test
  void caseFileCoversTheCorpusIndex() {
    assertThat(SqlhistJoinCase.load().stream().map(SqlhistJoinCase::id))
        .containsExactlyInAnyOrder(
            ("D01 D01b D02 D02b D03 D04 D05 D05b D06 D07 D07b D08 D09 D10 D11 D17 G01 G02 G03 G04"
                    + " G04tc G05 G06 G07 G08 G09 G12 G13 T02 U1 U1-max-trace U1-chg-trace"
                    + " U1-max-snap U1-chg-snap U1-max-save U1-chg-save U1-max-trace-snap"
                    + " U1-chg-trace-snap U2 U2-max-trace U3 U3-max-save U4 U4-chg-trace-snap U5"
                    + " U5-max-save U1-oldfmt U4-oldfmt-max J01 J02 J03 J04 J05 J06 J07 J08 J09 J10"
                    + " J10b J11 J13 K01 J14 J15 J16 J17 J19 J20 J21 J22 J23 J24 J25 J26 J27 L01"
                    + " L04 L05 L06 L08 L09 L10 L11 L12 L13 J28 K05 K12 K20 S01 S03 X01 X02")
                .split(" "));
  }

  @AfterAll
  static void printSummary() {
    int total = SqlhistJoinCase.load().size();
    StringBuilder summary = new StringBuilder("sqlhist corpus, join cases: " + total + "\n");
    int passed = 0;
    synchronized (OUTCOMES) {
      for (Outcome outcome : Outcome.values()) {
        List<String> ids = OUTCOMES.getOrDefault(outcome, List.of());
        passed += ids.size();
        summary.append(
            String.format(
                Locale.ROOT,
                "  %-24s %3d  %s%n",
                outcome.label,
                ids.size(),
                String.join(" ", ids)));
      }
    }
    summary.append(
        String.format(Locale.ROOT, "  %-24s %3d%n", "failed (see the report)", total - passed));
    System.out.print(summary);
  }

  private static void run(SqlhistJoinCase c) {
    try {
      switch (c.verdict()) {
        case SAME, ACCEPT -> assertSameMeaning(c);
        case REJECT -> c.refusal().assertRefuses(COMPILER, c.sql(), c.options());
      }
    } catch (AssertionError e) {
      // Surefire names dynamic tests by index; say which case failed.
      throw new AssertionError(c + "\n" + e.getMessage(), e);
    }
    Outcome outcome =
        !c.agreesWithLibtracefs()
            ? Outcome.INTENTIONALLY_DIFFERENT
            : c.verdict() == SqlhistCase.Verdict.SAME
                ? Outcome.EQUIVALENT
                : Outcome.REJECTED_LIKE_LIBTRACEFS;
    synchronized (OUTCOMES) {
      OUTCOMES.computeIfAbsent(outcome, o -> new ArrayList<>()).add(c.id());
    }
  }

  private static void assertSameMeaning(SqlhistJoinCase c) {
    TracePlan plan;
    try {
      plan = COMPILER.compile(c.sql(), c.options());
    } catch (SqlError e) {
      throw new AssertionError("ftsql refused it: " + e.render(c.sql()), e);
    }
    List<Write> writes =
        plan.steps().stream().map(s -> new Write(plan.root() + s.file(), s.line())).toList();
    JoinMeaning expected = JoinMeaning.of(c.expectedWrites(), c.syntheticName());
    JoinMeaning ours = JoinMeaning.of(writes, plan.name());
    String both =
        "\n  ftsql:\n    "
            + String.join("\n    ", plan.steps().stream().map(Step::line).toList())
            + "\n  expected:\n    "
            + String.join("\n    ", c.expectedWrites().stream().map(Write::line).toList());
    assertThat(ours.syntheticName())
        .as("synthetic event name" + both)
        .isEqualTo(expected.syntheticName());
    assertThat(ours.types()).as("synthetic field types" + both).isEqualTo(expected.types());
    if (c.namesDiffer().isEmpty()) {
      assertThat(ours.names()).as("synthetic field names" + both).isEqualTo(expected.names());
    }
    assertThat(ours.startEvent()).as("start event" + both).isEqualTo(expected.startEvent());
    assertThat(ours.endEvent()).as("end event" + both).isEqualTo(expected.endEvent());
    assertThat(ours.startKeys()).as("start keys" + both).isEqualTo(expected.startKeys());
    assertThat(ours.endKeys()).as("end keys" + both).isEqualTo(expected.endKeys());
    assertSameFilter("start filter" + both, ours.startFilter(), expected.startFilter());
    assertSameFilter("end filter" + both, ours.endFilter(), expected.endFilter());
    assertThat(ours.carried()).as("what each field carries" + both).isEqualTo(expected.carried());
    assertThat(ours.actions()).as("handler and actions" + both).isEqualTo(expected.actions());
  }

  private static void assertSameFilter(
      String what,
      java.util.Optional<KernelFilter> ours,
      java.util.Optional<KernelFilter> expected) {
    assertThat(ours.isPresent()).as(what + " (present)").isEqualTo(expected.isPresent());
    if (expected.isPresent()) {
      assertThat(ours.get().meansTheSameAs(expected.get())).as(what).isTrue();
    }
  }
}
