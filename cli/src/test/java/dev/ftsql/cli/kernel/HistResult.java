package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.export.EchoLines;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One case's outcome on one kernel: the plan, what the guest printed, and its histogram. */
final class HistResult {
  static final String MOUNT = EchoLines.DEFAULT_MOUNT;

  /** One frame of a stack key, as the kernel prints it: indented, a line each. */
  static final Pattern FRAME =
      Pattern.compile(
          " {9}([A-Za-z_.][\\w.]*\\+0x[0-9a-f]+/0x[0-9a-f]+( \\[\\w+\\])?|0x[0-9a-f]+)");

  private static final Pattern LOG2 = Pattern.compile("~ 2\\^(\\d+)");

  private final String kernel;
  private final TracePlan plan;
  private final Supplier<CaseOutput> output;
  private final int histRead;
  private final Function<String, HistResult> others;
  private HistBlock hist;

  /**
   * @param output fetched when a test asks for it, so that a guest that died fails only its tests
   * @param histRead which read of the case printed the result's hist file
   */
  HistResult(
      String kernel,
      TracePlan plan,
      Supplier<CaseOutput> output,
      int histRead,
      Function<String, HistResult> others) {
    this.kernel = kernel;
    this.plan = plan;
    this.output = output;
    this.histRead = histRead;
    this.others = others;
  }

  String kernel() {
    return kernel;
  }

  TracePlan plan() {
    return plan;
  }

  CaseOutput output() {
    return output.get();
  }

  /**
   * Another case of the same boot, for comparisons (a filtered against an unfiltered histogram).
   */
  HistResult other(String name) {
    HistResult o = others.apply(name);
    if (o == null) {
      throw new AssertionError("case " + name + " did not run on " + kernel);
    }
    return o;
  }

  List<String> setupLines() {
    return EchoLines.setup(plan, MOUNT);
  }

  List<String> teardownLines() {
    return EchoLines.teardown(plan, MOUNT);
  }

  /** The first line written to a trigger file (a single-event plan has one). */
  String triggerLine() {
    return plan.steps().stream()
        .filter(s -> s instanceof Step.AddHistTrigger)
        .map(Step::line)
        .findFirst()
        .orElseThrow();
  }

  long syntheticEvents() {
    return plan.steps().stream().filter(s -> s instanceof Step.CreateSyntheticEvent).count();
  }

  /** The text of the result's hist file. */
  String histText() {
    return output().read(histRead);
  }

  /** The result histogram: this plan's block of the hist file (other blocks may be there too). */
  HistBlock hist() {
    if (hist == null) {
      hist = HistBlock.forTrigger(histText(), plan.result().trigger());
    }
    return hist;
  }

  /** The distinct renderings of a key, e.g. the comms of a {@code next_comm} key. */
  Set<String> distinct(String label) {
    return new LinkedHashSet<>(hist().keys(label));
  }

  /** A plain numeric key: a u64, so a negative difference reads as a negative long. */
  long number(HistEntry e, String label) {
    String k = e.key(label);
    assertThat(k).as("%s is a number", label).matches("\\d+");
    return Long.parseUnsignedLong(k);
  }

  /** The renderings of a stack key, each checked: two frames or more, as the kernel prints them. */
  List<String> stacks(String label) {
    List<String> stacks = hist().keys(label);
    assertThat(stacks)
        .allSatisfy(
            s ->
                assertThat(s.split("\n"))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(f -> assertThat(f).matches(FRAME)));
    return stacks;
  }

  /** The exponents of a {@code .log2} key ({@code ~ 2^N}). */
  List<Integer> log2(String label) {
    return hist().keys(label).stream()
        .map(
            k -> {
              Matcher m = LOG2.matcher(k);
              assertThat(m.matches()).as("%s rendered as ~ 2^N: '%s'", label, k).isTrue();
              return Integer.parseInt(m.group(1));
            })
        .toList();
  }

  /** The label the kernel prints for a stack key: {@code stacktrace} before 6.4. */
  String stackLabel() {
    return kernel.equals("6.1") ? "stacktrace" : "common_stacktrace";
  }
}
