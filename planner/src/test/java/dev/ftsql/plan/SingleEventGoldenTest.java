package dev.ftsql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every single-event lowering (golden-single-event.txt) and every refusal (golden-errors.txt), on
 * the embedded snapshots of the real 6.1 and 6.12 kernels.
 */
class SingleEventGoldenTest {
  private static final Map<String, Compiler> COMPILERS =
      Map.of(
          "6.1", new Compiler(CatalogLoader.embedded("6.1")),
          "6.12", new Compiler(CatalogLoader.embedded("6.12")));

  static List<GoldenCase> lowerings() throws IOException {
    return GoldenCase.load("/dev/ftsql/plan/golden-single-event.txt");
  }

  static List<GoldenCase> errors() throws IOException {
    return GoldenCase.load("/dev/ftsql/plan/golden-errors.txt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lowerings")
  void compilesToTheExpectedTrigger(GoldenCase c) {
    for (String kernel : kernels(c)) {
      TracePlan plan = COMPILERS.get(kernel).compile(c.get("sql"), options(c));
      assertThat(plan.steps()).as("steps on %s", kernel).hasSize(1);
      Step step = plan.steps().get(0);
      String expected = c.get("line." + kernel) != null ? c.get("line." + kernel) : c.get("line");
      assertThat(step.line()).as("trigger on %s", kernel).isEqualTo(expected);
      assertThat(step.undoLine()).isEqualTo("!" + expected);
      assertThat(plan.root() + step.file()).isEqualTo(c.get("file"));
      if (c.get("columns") != null) {
        assertThat(String.join(",", plan.result().columns().stream().map(col -> col.name()).toList()))
            .isEqualTo(c.get("columns"));
      }
      if (c.get("limit") != null) {
        assertThat(plan.result().limit()).hasValue(Long.parseLong(c.get("limit")));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void refusesWithAMessageThatPointsAtTheSql(GoldenCase c) {
    String sql = c.get("sql");
    for (String kernel : kernels(c)) {
      SqlError e =
          catchThrowableOfType(SqlError.class, () -> COMPILERS.get(kernel).compile(sql, options(c)));
      assertThat(e).as("%s must be refused on %s", sql, kernel).isNotNull();
      assertThat(e.getMessage()).as("one line").doesNotContain("\n");
      assertThat(e.getMessage()).contains(c.get("error"));
      if (c.get("at") != null) {
        SourceSpan span = e.span().orElseThrow(() -> new AssertionError("no position: " + e.getMessage()));
        assertThat(sql.substring(span.start(), Math.min(span.end(), sql.length()))).isEqualTo(c.get("at"));
      }
    }
  }

  private static List<String> kernels(GoldenCase c) {
    String k = c.get("kernel");
    return k == null ? List.of("6.1", "6.12") : List.of(k.split(","));
  }

  private static PlanOptions options(GoldenCase c) {
    PlanOptions o = new PlanOptions(
        Optional.ofNullable(c.get("name")),
        Optional.ofNullable(c.get("instance")),
        c.get("size") == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(c.get("size"))),
        c.get("save") == null ? List.of() : List.of(c.get("save").split(",")));
    if (c.get("handler") != null) {
      String[] h = c.get("handler").split(" ");
      o = o.withHandler(new PlanOptions.Handler(
          h[0].equals("max") ? PlanOptions.Handler.Kind.MAX : PlanOptions.Handler.Kind.CHANGE, h[1]), false, false);
    }
    return o;
  }
}
