package dev.ftsql.cli.kernel;

import dev.ftsql.export.EchoLines;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A query to run on a real kernel and what a user would check in its result histogram.
 *
 * @param prepare shell lines before setup, outside the state comparison (e.g. mkdir an instance)
 * @param load shell lines run between setup and the reads
 * @param readFirst shell lines whose output is kept before the hist file is read ({@code read 0},
 *     ...)
 * @param alsoRead shell lines whose output is kept after the hist file's
 * @param refusals per kernel, what the compile error must say where that kernel cannot run it
 * @param check the case's own assertions; the common ones are in {@link QuerySuite}
 */
record HistCase(
    String name,
    String sql,
    PlanOptions options,
    List<String> prepare,
    List<String> load,
    List<String> readFirst,
    List<String> alsoRead,
    List<String> cleanup,
    Map<String, String> refusals,
    Consumer<HistResult> check) {

  HistCase {
    refusals = Map.copyOf(refusals);
  }

  static HistCase of(String name, String sql, Consumer<HistResult> check) {
    return new HistCase(
        name,
        sql,
        PlanOptions.defaults(),
        List.of(),
        GuestCase.BUSY_LOAD,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        check);
  }

  HistCase with(PlanOptions o) {
    return new HistCase(name, sql, o, prepare, load, readFirst, alsoRead, cleanup, refusals, check);
  }

  HistCase around(String prepareLine, String cleanupLine) {
    return new HistCase(
        name,
        sql,
        options,
        List.of(prepareLine),
        load,
        readFirst,
        alsoRead,
        List.of(cleanupLine),
        refusals,
        check);
  }

  HistCase withLoad(String... lines) {
    return new HistCase(
        name, sql, options, prepare, List.of(lines), readFirst, alsoRead, cleanup, refusals, check);
  }

  HistCase readingFirst(String... lines) {
    return new HistCase(
        name, sql, options, prepare, load, List.of(lines), alsoRead, cleanup, refusals, check);
  }

  HistCase alsoRead(String... lines) {
    return new HistCase(
        name, sql, options, prepare, load, readFirst, List.of(lines), cleanup, refusals, check);
  }

  /**
   * On {@code kernel} the compiler must refuse the query with a message containing {@code message}.
   */
  HistCase refusedOn(String kernel, String message) {
    Map<String, String> r = new HashMap<>(refusals);
    r.put(kernel, message);
    return new HistCase(name, sql, options, prepare, load, readFirst, alsoRead, cleanup, r, check);
  }

  Optional<String> refusalOn(String kernel) {
    return Optional.ofNullable(refusals.get(kernel));
  }

  /**
   * The guest case: the exact lines {@code ftsql sql} and {@code --teardown} print, and a read of
   * the result's hist file ({@code read N}, N the number of {@link #readFirst} lines).
   */
  GuestCase toGuestCase(TracePlan plan) {
    List<String> reads = new ArrayList<>(readFirst);
    reads.add("cat " + HistResult.MOUNT + "/" + plan.root() + plan.result().histFile());
    reads.addAll(alsoRead);
    return new GuestCase(
        name,
        prepare,
        EchoLines.setup(plan, HistResult.MOUNT),
        load,
        reads,
        EchoLines.teardown(plan, HistResult.MOUNT),
        cleanup);
  }
}
