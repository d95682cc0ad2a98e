package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@link GuestCase} printed in the guest.
 *
 * @param sections the text of each section ("setup", "read 0", "state", "error_log", ...)
 * @param statuses the exit status of each setup and teardown line, by kind
 * @param stateSame whether the state after teardown equalled the state before setup
 * @param complete whether the case's end marker was seen (else the guest died in it)
 */
public record CaseOutput(
    String name,
    Map<String, String> sections,
    Map<String, List<Integer>> statuses,
    Optional<Boolean> stateSame,
    boolean complete) {

  public String section(String kind) {
    return sections.getOrDefault(kind, "");
  }

  /** The output of the case's i-th read command. */
  public String read(int i) {
    return section("read " + i);
  }

  public List<Integer> statuses(String kind) {
    return statuses.getOrDefault(kind, List.of());
  }

  /** Everything the case printed, for failure messages. */
  public String transcript() {
    StringBuilder b = new StringBuilder();
    sections.forEach((k, v) -> b.append("--- ").append(k).append('\n').append(v));
    return b.toString();
  }

  /** The case ran to its end, and each of {@code setupLines} exited 0. */
  public void assertSetupSucceeded(List<String> setupLines) {
    assertThat(complete).as("the guest finished the case:%n%s", transcript()).isTrue();
    assertThat(statuses("setup"))
        .as(
            "exit status of each setup line%n%s%nguest output:%n%s",
            String.join("\n", setupLines), section("setup"))
        .hasSize(setupLines.size())
        .containsOnly(0);
  }

  /**
   * Teardown restored the trigger files, synthetic_events and instances, even after a failed setup.
   * The undo of a line that failed fails too, and its error is in error_log, so the exit statuses
   * and the empty error_log are checked only after a good setup.
   */
  public void assertCleanTeardown(List<String> setupLines, List<String> teardownLines) {
    boolean setupOk =
        statuses("setup").size() == setupLines.size()
            && statuses("setup").stream().allMatch(s -> s == 0);
    if (setupOk) {
      assertThat(statuses("teardown"))
          .as(
              "exit status of each teardown line%n%s%nguest output:%n%s",
              String.join("\n", teardownLines), section("teardown"))
          .hasSize(teardownLines.size())
          .containsOnly(0);
    }
    assertThat(stateSame)
        .as("trigger files, synthetic_events and instances as before setup:%n%s", section("state"))
        .contains(true);
    if (setupOk) {
      assertThat(section("error_log")).as("error_log after the case").isBlank();
    }
  }
}
