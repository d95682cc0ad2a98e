package dev.ftsql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recipes in samples/: each compiles for both embedded kernels (or is refused where it says it
 * needs a newer one), {@code ftsql samples} lists them, and every query command takes a recipe's
 * name or a FILE.sql in place of the query. (Proven on real kernels in RealKernelSamplesTest.)
 */
class SamplesTest {
  static final Path SAMPLES = Path.of(System.getProperty("ftsql.repoRoot", "..")).resolve("samples");

  /** The recipe files of the source tree, by name. */
  static List<String> sourceNames() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".sql"))
          .map(f -> f.substring(0, f.length() - ".sql".length()))
          .sorted()
          .toList();
    }
  }

  static String source(String name) throws IOException {
    return Files.readString(SAMPLES.resolve(name + ".sql"), StandardCharsets.UTF_8);
  }

  static Stream<Arguments> recipesAndKernels() throws IOException {
    return sourceNames().stream().flatMap(n -> Stream.of(Arguments.of(n, "6.1"), Arguments.of(n, "6.12")));
  }

  @Test
  void theBuildCarriesEveryRecipeOfTheSourceTree() throws IOException {
    assertThat(sourceNames()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(Recipes.all()).extracting(Recipe::name).containsExactlyElementsOf(sourceNames());
    for (Recipe r : Recipes.all()) {
      assertThat(r.text()).as(r.name()).isEqualTo(source(r.name()));
    }
  }

  @Test
  void samplesListsEachRecipeWithItsFirstCommentLine() throws IOException {
    Cli r = Cli.run("samples");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSameSizeAs(sourceNames());
    for (int i = 0; i < lines.size(); i++) {
      String name = sourceNames().get(i);
      String first = source(name).lines().findFirst().orElseThrow();
      assertThat(lines.get(i)).matches(name + " +" + java.util.regex.Pattern.quote(first.substring(3)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.ftsql.cli.SamplesTest#sourceNames")
  void eachRecipeSaysWhatItAnswersHowToReadItAndWhatItNeeds(String name) throws IOException {
    String text = source(name);
    assertThat(text).startsWith("-- ");
    List<String> header = text.lines().takeWhile(l -> l.startsWith("--")).toList();
    assertThat(String.join("\n", header)).as(name)
        .contains("-- Question: ", "-- Reading: ", "-- Needs: ", "-- Replaces: ");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("recipesAndKernels")
  void eachRecipeCompilesOrIsRefusedForTheReasonItStates(String name, String kernel) throws IOException {
    Recipe recipe = Recipes.named(name);
    Cli r = Cli.run("sql", "--kernel", kernel, name);
    if (recipe.needsLinux().map(v -> newer(v, kernel)).orElse(false)) {
      assertThat(r.exit()).as(r.out()).isEqualTo(3);
      List<String> err = r.err().lines().toList();
      assertThat(err).hasSize(3);
      assertThat(err.get(0)).startsWith("ftsql: ").contains("(Linux " + recipe.needsLinux().get() + ")");
      assertThat(err.get(2)).contains("^");
    } else {
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out().lines().toList()).isNotEmpty()
          .allSatisfy(l -> assertThat(l).matches("(echo|printf '%s\\\\n') '.*' >> /sys/kernel/tracing/\\S+"));
      // The path a user has without the jar: the file from the source tree.
      Cli file = Cli.run("sql", "--kernel", kernel, "-f", SAMPLES.resolve(name + ".sql").toString());
      assertThat(file.out()).isEqualTo(r.out());
      assertThat(Cli.run("sql", "--kernel", kernel, SAMPLES.resolve(name + ".sql").toString()).out())
          .isEqualTo(r.out());
    }
  }

  /** Whether Linux {@code needed} is newer than the embedded kernel {@code kernel}. */
  private static boolean newer(String needed, String kernel) {
    String[] n = needed.split("\\.");
    String[] k = kernel.split("\\.");
    int major = Integer.compare(Integer.parseInt(n[0]), Integer.parseInt(k[0]));
    return major != 0 ? major > 0 : Integer.parseInt(n[1]) > Integer.parseInt(k[1]);
  }

  @Test
  void aRecipeThatNeedsANewerKernelSaysSoInItsComment() {
    // The stack of the start event rides in a variable: 6.3+. The test above holds it to that.
    assertThat(Recipes.named("offcpu-stacks").needsLinux()).contains("6.3");
    assertThat(Recipes.named("offcpu-time").needsLinux()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"explain", "export"})
  void explainAndExportTakeANameToo(String command) {
    Cli byName = Cli.run(command, "--kernel", "6.1", "wakeup-latency");
    assertThat(byName.exit()).as(byName.err()).isZero();
    assertThat(byName.out()).contains("sched_waking", "onmatch(sched.sched_waking)");
    Cli byFile = Cli.run(command, "--kernel", "6.1", SAMPLES.resolve("wakeup-latency.sql").toString());
    assertThat(byFile.out()).isEqualTo(byName.out());
  }

  @Test
  void startAndStopTakeAName(@TempDir Path tmp) throws IOException {
    Path fs = CatalogLoader.writeTracefsCopy("6.12", tmp.resolve("tracefs"));
    Files.writeString(fs.resolve("events/sched/sched_switch/trigger"), ""); // a copy has no trigger files
    String state = tmp.resolve("state").toString();
    Cli start = Cli.run("start", "-t", fs.toString(), "--state", state, "-n", "prio", "switch-priorities");
    assertThat(start.exit()).as(start.err()).isZero();
    assertThat(start.out()).isEqualTo("prio\n");
    assertThat(Files.readString(fs.resolve("events/sched/sched_switch/trigger")))
        .isEqualTo("hist:keys=prev_prio,next_prio:sort=hitcount.descending\n");
    Cli stop = Cli.run("stop", "--state", state, "prio");
    assertThat(stop.exit()).as(stop.err()).isZero();
    assertThat(Files.readString(fs.resolve("events/sched/sched_switch/trigger")))
        .endsWith("!hist:keys=prev_prio,next_prio:sort=hitcount.descending\n");
  }

  @Test
  void samplesNamePrintsTheRecipe() throws IOException {
    Cli r = Cli.run("samples", "offcpu-time");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(source("offcpu-time"));
  }

  @Test
  void anUnknownNameIsOneLineWithTheClosestAndExitThree() {
    for (String[] args : List.of(
        new String[] {"sql", "--kernel", "6.12", "wakeup-latncy"},
        new String[] {"samples", "wakeup-latncy"})) {
      Cli r = Cli.run(args);
      assertThat(r.exit()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo("ftsql: no sample named 'wakeup-latncy'; did you mean 'wakeup-latency'?"
          + " ('ftsql samples' lists them)\n");
    }
  }

  @Test
  void aMissingFileIsOneLineAndExitThree() {
    Cli r = Cli.run("sql", "--kernel", "6.12", "no-such-recipe.sql");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("ftsql: cannot read no-such-recipe.sql: no such file\n");
  }

  @Test
  void theOptionsLineSavesFieldsAndTheCommandLineAddsToIt() {
    Cli max = Cli.run("sql", "--kernel", "6.1", "max-wakeup-latency");
    assertThat(max.out()).contains(".save(lat_us,prio,target_cpu,prev_comm)'");
    Cli snap = Cli.run("sql", "--kernel", "6.1", "wakeup-latency-snapshot");
    assertThat(snap.out())
        .contains("echo 'wakeup_snap char comm[16]; u64 lat_us' >> /sys/kernel/tracing/synthetic_events")
        .contains(":onmax($wakeup_snap_e1_lat_us).trace(wakeup_snap,")
        .contains(":onmax($wakeup_snap_e1_lat_us).snapshot()'")
        .doesNotContain("onmatch");
    Cli renamed = Cli.run("sql", "--kernel", "6.1", "-n", "snap2", "wakeup-latency-snapshot");
    assertThat(renamed.out()).contains("echo 'snap2 char comm[16]").doesNotContain("wakeup_snap")
        .contains(".snapshot()");
    Cli onchange = Cli.run("sql", "--kernel", "6.1", "-c", "lat_us", "wakeup-latency-snapshot");
    assertThat(onchange.out()).contains("onchange(").doesNotContain("onmax(").doesNotContain("snapshot()");
  }

  @Test
  void aBadOptionsLinePointsAtIt(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("bad.sql");
    Files.writeString(f, "-- kmalloc calls\n-- ftsql: -m\nSELECT COUNT(*) FROM kmalloc\n");
    Cli r = Cli.run("sql", "--kernel", "6.12", f.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines().toList()).containsExactly(
        "ftsql: in the '-- ftsql:' options line: Missing required parameter for option '--onmax' (VAR)",
        "  -- ftsql: -m",
        "  ^~~~~~~~~~~~");
  }
}
