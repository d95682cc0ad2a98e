package dev.ftsql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every join lowering (golden-joins.txt): each case lists the plan's writes in order, as
 * {@code step: FILE :: LINE}, and the teardown is the same lines undone in reverse.
 */
class JoinGoldenTest {
  private static final Map<String, Compiler> COMPILERS =
      Map.of(
          "6.1", new Compiler(CatalogLoader.embedded("6.1")),
          "6.12", new Compiler(CatalogLoader.embedded("6.12")));

  static List<GoldenCase> joins() throws IOException {
    return GoldenCase.load("/dev/ftsql/plan/golden-joins.txt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("joins")
  void lowersToTheExpectedWrites(GoldenCase c) {
    String kernels = c.get("kernel") == null ? "6.1,6.12" : c.get("kernel");
    for (String kernel : kernels.split(",")) {
      PlanOptions options = new PlanOptions(Optional.ofNullable(c.get("name")), Optional.ofNullable(c.get("instance")),
          OptionalInt.empty(), c.get("save") == null ? List.of() : List.of(c.get("save").split(",")));
      if (c.get("handler") != null) {
        String[] h = c.get("handler").split(" ");
        options = options.withHandler(new PlanOptions.Handler(
            h[0].equals("max") ? PlanOptions.Handler.Kind.MAX : PlanOptions.Handler.Kind.CHANGE, h[1]),
            "true".equals(c.get("snapshot")), "true".equals(c.get("trace_snapshot")));
      }
      TracePlan plan = COMPILERS.get(kernel).compile(c.get("sql"), options);
      assertThat(render(plan)).as("plan on %s", kernel).containsExactlyElementsOf(c.all("step"));
      List<String> undo = new ArrayList<>();
      for (Step s : plan.teardownOrder()) {
        undo.add(s.undoLine());
      }
      assertThat(undo.get(undo.size() - 1)).startsWith("!");
      assertThat(plan.teardownOrder().get(0)).isEqualTo(plan.steps().get(plan.steps().size() - 1));
    }
  }

  static List<String> render(TracePlan plan) {
    List<String> out = new ArrayList<>();
    for (Step s : plan.steps()) {
      out.add((s.global() ? "" : plan.root()) + s.file() + " :: " + s.line());
    }
    return out;
  }
}
