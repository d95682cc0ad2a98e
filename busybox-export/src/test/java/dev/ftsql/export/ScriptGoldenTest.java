package dev.ftsql.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.plan.PlanOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The exact script of small plans. The part that is the same for every plan (script-runtime.sh) is
 * checked once; the golden files hold the rest. {@code -Dftsql.updateGolden=true} rewrites them.
 */
class ScriptGoldenTest {

  @Test
  void singleEvent() throws IOException {
    check("single.sh", ExportedPlan.of(ExportedPlan.SINGLE));
  }

  @Test
  void join() throws IOException {
    check("join.sh", ExportedPlan.of(ExportedPlan.JOIN));
  }

  @Test
  void instance() throws IOException {
    check(
        "instance.sh",
        ExportedPlan.of(
            "6.12", ExportedPlan.INSTANCE_JOIN, PlanOptions.defaults().withInstance("lat")));
  }

  @Test
  void theRestIsTheRuntime() {
    String script = ExportedPlan.of(ExportedPlan.SINGLE).script();
    assertThat(script).endsWith("}\n\n" + PackagedText.read("script-runtime.sh"));
  }

  private static void check(String name, ExportedPlan p) throws IOException {
    String actual = p.planPart();
    if (Boolean.getBoolean("ftsql.updateGolden")) {
      Path file =
          Path.of(System.getProperty("ftsql.repoRoot"))
              .resolve("busybox-export/src/test/resources/dev/ftsql/export/golden")
              .resolve(name);
      Files.writeString(file, actual);
    }
    assertThat(actual).as("golden/%s", name).isEqualTo(golden(name));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ScriptGoldenTest.class.getResourceAsStream("golden/" + name)) {
      if (in == null) {
        return "(missing golden/" + name + ")";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
