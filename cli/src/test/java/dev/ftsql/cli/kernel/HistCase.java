package dev.ftsql.cli.kernel;

import dev.ftsql.export.EchoLines;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A query to run on a real kernel and what a user would check in its histogram.
 *
 * @param prepare shell lines before setup, outside the state comparison (e.g. mkdir an instance)
 * @param extraReads shell lines whose output is kept after the hist file's ({@code read 1}, ...)
 * @param check the case's own assertions; the common ones are in the test
 */
record HistCase(
    String name,
    String sql,
    PlanOptions options,
    List<String> prepare,
    List<String> extraReads,
    List<String> cleanup,
    Consumer<HistResult> check) {

  static HistCase of(String name, String sql, Consumer<HistResult> check) {
    return new HistCase(name, sql, PlanOptions.defaults(), List.of(), List.of(), List.of(), check);
  }

  HistCase with(PlanOptions o) {
    return new HistCase(name, sql, o, prepare, extraReads, cleanup, check);
  }

  HistCase around(String prepareLine, String cleanupLine) {
    return new HistCase(
        name, sql, options, List.of(prepareLine), extraReads, List.of(cleanupLine), check);
  }

  HistCase alsoRead(String... lines) {
    return new HistCase(name, sql, options, prepare, List.of(lines), cleanup, check);
  }

  /**
   * The guest case: the exact lines {@code ftsql sql} and {@code --teardown} print, and a read of
   * the hist file.
   */
  GuestCase toGuestCase(TracePlan plan) {
    List<String> reads = new ArrayList<>();
    reads.add("cat " + HistResult.MOUNT + "/" + plan.root() + plan.result().histFile());
    reads.addAll(extraReads);
    return new GuestCase(
        name,
        prepare,
        EchoLines.setup(plan, HistResult.MOUNT),
        GuestCase.BUSY_LOAD,
        reads,
        EchoLines.teardown(plan, HistResult.MOUNT),
        cleanup);
  }
}
