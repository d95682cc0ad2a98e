package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ftsql.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import picocli.CommandLine;

/**
 * The proof that the recipes in samples/ work: each one's BusyBox script ({@code ftsql export
 * --kernel K NAME}, as a user makes it) goes up, gets the guest's load, shows its histogram and
 * comes down again, on real 6.1 and 6.12 kernels, all recipes in one boot per kernel. After {@code
 * down} the trigger files and synthetic_events must be byte-identical to before {@code up}. Recipes
 * whose events the guest's load makes must show entries (Hits > 0); the others (no disk, no sockets
 * in the guest) are checked up and down only. A recipe that states it needs a newer kernel than the
 * target is refused at compile time (SamplesTest), so it is not in that boot.
 */
@EnabledIfSystemProperty(named = "ftsql.kernelTests", matches = "true")
class RealKernelSamplesTest {
  private static final List<String> KERNELS = List.of("6.1", "6.12");
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(12);

  /** Recipes the guest cannot give events to, and why: only up, show and down are checked. */
  private static final Map<String, String> NO_LOAD =
      Map.of(
          "block-io-latency", "the guest has no disk (initramfs only)",
          "block-io-sizes", "the guest has no disk (initramfs only)",
          "sendmsg-latency", "nothing in the BusyBox guest calls sendmsg(2)");

  /** The snapshot recipe's trace buffer holds what was enabled: sched_switch, for this test. */
  private static final String SNAPSHOT = "wakeup-latency-snapshot";

  @TestFactory
  Stream<DynamicNode> everyRecipeGoesUpAndDownCleanly() {
    Guest guest = Guest.fromSystemProperties();
    List<String> names = recipeNames(guest.repoRoot().resolve("samples"));
    return Guest.onEachKernel(KERNELS, k -> testsOn(guest, k, names));
  }

  private static Stream<DynamicNode> testsOn(Guest guest, String kernel, List<String> names) {
    Map<String, String> files = new LinkedHashMap<>();
    List<GuestCase> cases = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String name : names) {
      Exported script = export(kernel, name);
      if (script.exit() != 0) {
        refused.add(name);
        continue;
      }
      files.put("ftsql/" + name + ".sh", script.text());
      cases.add(lifecycle(name));
    }
    GuestRun run = guest.run(kernel, "samples", cases, BOOT_TIMEOUT, files);
    System.out.printf("kernel %s: refused at compile time: %s%n", kernel, refused);

    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(run.ranToEnd());
    nodes.add(
        dynamicTest(
            "only recipes that state a newer kernel are refused",
            () -> {
              for (String name : refused) {
                assertThat(Files.readString(guest.repoRoot().resolve("samples/" + name + ".sql")))
                    .as(name)
                    .containsPattern("(?m)^-- Needs: Linux \\d+\\.\\d+\\+");
              }
            }));
    for (GuestCase c : cases) {
      nodes.add(dynamicTest(c.name(), run.inContext(c.name(), () -> check(run, c.name()))));
    }
    return nodes.stream();
  }

  private static void check(GuestRun run, String name) {
    CaseOutput out = run.get(name);
    assertThat(out.complete()).as(out.transcript()).isTrue();
    assertThat(out.statuses("setup")).as(out.section("setup")).containsExactly(0);
    assertThat(out.section("setup")).contains(": up: ");
    String show = out.read(0);
    List<HistBlock> blocks = HistBlock.parseAll(show);
    assertThat(blocks).as(show).hasSize(1);
    HistBlock h = blocks.get(0);
    assertThat(h.hasTotals()).as(show).isTrue();
    if (!NO_LOAD.containsKey(name)) {
      assertThat(h.hits().getAsLong()).as("hits of %s:%n%s", name, show).isPositive();
      assertThat(h.entries()).as(show).isNotEmpty();
    }
    assertThat(out.statuses("teardown")).as(out.section("teardown")).containsExactly(0);
    assertThat(out.stateSame())
        .as("trigger files and synthetic_events as before:%n%s", out.section("state"))
        .contains(true);
    assertThat(out.section("error_log")).as("error_log").isBlank();
    if (name.equals(SNAPSHOT)) {
      // A new maximum took a snapshot of the buffer, where sched_switch was being traced.
      assertThat(out.read(1)).as(out.read(1)).containsPattern("snapshot-switches=[1-9]");
    }
  }

  /** up, load, show, down; the snapshot recipe also traces sched_switch and reads the snapshot. */
  private static GuestCase lifecycle(String name) {
    String sh = "sh /ftsql/" + name + ".sh";
    if (!name.equals(SNAPSHOT)) {
      return GuestCase.of(name, List.of(sh + " up"), List.of(sh + " show"), List.of(sh + " down"));
    }
    String enable = "$T/events/sched/sched_switch/enable";
    List<String> read =
        List.of(sh + " show", "echo \"snapshot-switches=$(grep -c 'sched_switch:' $T/snapshot)\"");
    return GuestCase.of(name, List.of(sh + " up"), read, List.of(sh + " down"))
        .withPrepare(List.of("echo 1 > " + enable))
        .withCleanup(List.of("echo 0 > " + enable, "echo 0 > $T/snapshot", ": > $T/trace"));
  }

  /** What {@code ftsql export --kernel K NAME} printed, and its exit status. */
  private record Exported(int exit, String text) {}

  private static Exported export(String kernel, String name) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute("export", "--kernel", kernel, name);
    return new Exported(exit, exit == 0 ? out.toString() : err.toString());
  }

  private static List<String> recipeNames(Path samples) {
    try (Stream<Path> files = Files.list(samples)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".sql"))
          .map(f -> f.substring(0, f.length() - ".sql".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
