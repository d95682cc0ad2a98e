package dev.ftsql.cli.kernel;

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
}
