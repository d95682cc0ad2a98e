package dev.ftsql.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What holds for the script of every plan. */
class ScriptPropertyTest {

  private static Stream<ExportedPlan> plans() {
    List<ExportedPlan> all = new ArrayList<>();
    for (String kernel : List.of("6.1", "6.12")) {
      for (String sql : ExportedPlan.VARIETY) {
        all.add(ExportedPlan.of(kernel, sql, PlanOptions.defaults()));
        all.add(ExportedPlan.of(kernel, sql, PlanOptions.defaults().withInstance("x.y-z")));
      }
    }
    return all.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyPlan() {
    return plans()
        .map(
            p ->
                dynamicTest(
                    p.plan().name() + " " + p.plan().root() + ": " + p.sql(), () -> check(p)));
  }

  private static void check(ExportedPlan p) {
    List<String> lines = Arrays.asList(p.script().split("\n", -1));
    List<EchoLines.Write> setup = EchoLines.setupWrites(p.plan());
    List<EchoLines.Write> teardown = EchoLines.teardownWrites(p.plan());
    int n = setup.size();

    // Up: one step line per write, in order, each after a comment with the step's purpose.
    List<String> up = body(lines, "plan_up() {");
    assertThat(up).hasSize(2 * n);
    for (int i = 0; i < n; i++) {
      EchoLines.Write w = setup.get(i);
      assertThat(up.get(2 * i))
          .isEqualTo("    " + ShellComment.line((i + 1) + ". " + w.step().purpose()));
      assertThat(up.get(2 * i + 1))
          .isEqualTo(
              "    step "
                  + (i + 1)
                  + " "
                  + ShellQuote.quote(w.file())
                  + " "
                  + ShellQuote.quote(w.line()));
    }
    // Down: the undo lines in reverse order, numbered as their steps.
    List<String> down = body(lines, "plan_down() {");
    assertThat(down).hasSize(2 * n);
    for (int i = 0; i < n; i++) {
      EchoLines.Write w = teardown.get(i);
      Step s = p.plan().steps().get(n - 1 - i);
      assertThat(w.step()).isSameAs(s);
      assertThat(down.get(2 * i + 1))
          .isEqualTo(
              "    undo "
                  + (n - i)
                  + " "
                  + ShellQuote.quote(w.file())
                  + " "
                  + ShellQuote.quote(s.undoLine()));
    }
    // Every line and undo line of the plan appears quoted exactly once in the whole script.
    for (EchoLines.Write w : setup) {
      assertThat(occurrences(p.script(), " " + ShellQuote.quote(w.line()) + "\n"))
          .as(w.line())
          .isEqualTo(1);
    }
    for (EchoLines.Write w : teardown) {
      assertThat(occurrences(p.script(), " " + ShellQuote.quote(w.line()) + "\n"))
          .as(w.line())
          .isEqualTo(1);
    }
    // The header is comments only, and names the plan.
    int plan = lines.indexOf("PLAN=" + ShellQuote.quote(p.plan().name()));
    assertThat(plan).isPositive();
    assertThat(lines.subList(0, plan)).allSatisfy(l -> assertThat(l).matches("#.*|"));
    assertThat(lines).contains("NSTEPS=" + n);
    assertThat(lines).contains("INSTANCE=" + ShellQuote.quote(p.plan().instance().orElse("")));
    // The result step is the one whose trigger fills the result histogram.
    int result =
        Integer.parseInt(
            lines.stream()
                .filter(l -> l.startsWith("RESULT_STEP="))
                .findFirst()
                .orElseThrow()
                .substring("RESULT_STEP=".length()));
    EchoLines.Write r = setup.get(result - 1);
    assertThat(r.line()).isEqualTo(p.plan().result().trigger());
    assertThat(r.file().replaceFirst("/trigger$", "/hist"))
        .isEqualTo(p.plan().root() + p.plan().result().histFile());
  }

  @Test
  void sqlAndScriptShareOneRendering() {
    plans()
        .forEach(
            p -> {
              List<EchoLines.Write> writes = EchoLines.setupWrites(p.plan());
              List<String> echoes = EchoLines.setup(p.plan(), "/mnt/t/");
              for (int i = 0; i < writes.size(); i++) {
                assertThat(echoes.get(i))
                    .isEqualTo(
                        EchoLines.echo(writes.get(i).line(), "/mnt/t/" + writes.get(i).file()));
              }
              List<EchoLines.Write> undo = EchoLines.teardownWrites(p.plan());
              List<String> undoEchoes = EchoLines.teardown(p.plan(), "/mnt/t");
              for (int i = 0; i < undo.size(); i++) {
                assertThat(undoEchoes.get(i))
                    .isEqualTo(EchoLines.echo(undo.get(i).line(), "/mnt/t/" + undo.get(i).file()));
              }
            });
  }

  @Test
  void globalFilesStayAtTheTopEvenInAnInstance() {
    ExportedPlan p =
        ExportedPlan.of("6.12", ExportedPlan.CHAIN, PlanOptions.defaults().withInstance("i"));
    assertThat(EchoLines.setupWrites(p.plan()))
        .allSatisfy(
            w ->
                assertThat(w.file())
                    .isEqualTo(
                        w.step().global() ? "synthetic_events" : "instances/i/" + w.step().file()));
  }

  /** The lines between {@code opening} and the next line that is just a closing brace. */
  private static List<String> body(List<String> lines, String opening) {
    int from = lines.indexOf(opening);
    assertThat(from).as(opening).isNotNegative();
    int to = lines.subList(from, lines.size()).indexOf("}") + from;
    return lines.subList(from + 1, to);
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
