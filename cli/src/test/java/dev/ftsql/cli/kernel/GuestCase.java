package dev.ftsql.cli.kernel;

import java.util.List;

/**
 * One case of a guest payload. Each list holds shell lines:
 *
 * @param name unique within a payload; letters, digits, {@code _}, {@code -} and {@code .}
 * @param prepare run before the state snapshot (e.g. {@code mkdir} an instance), so not compared
 * @param setup run one at a time with {@code sh}, each exit status recorded (the lines a user
 *     pastes)
 * @param load run in a subshell, output discarded; {@code busy_load} is about a second of load
 * @param read each run with its output kept in its own section (e.g. {@code cat .../hist})
 * @param teardown like setup; afterwards the state must equal the snapshot taken before setup
 * @param cleanup run after the comparison (e.g. {@code rmdir} the instance)
 */
public record GuestCase(
    String name,
    List<String> prepare,
    List<String> setup,
    List<String> load,
    List<String> read,
    List<String> teardown,
    List<String> cleanup) {

  /** The prelude's default load. */
  public static final List<String> BUSY_LOAD = List.of("busy_load");

  public GuestCase {
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("bad case name: " + name);
    }
    prepare = List.copyOf(prepare);
    setup = List.copyOf(setup);
    load = List.copyOf(load);
    read = List.copyOf(read);
    teardown = List.copyOf(teardown);
    cleanup = List.copyOf(cleanup);
  }

  /** A case with the default load and nothing to prepare or clean up. */
  public static GuestCase of(
      String name, List<String> setup, List<String> read, List<String> teardown) {
    return new GuestCase(name, List.of(), setup, BUSY_LOAD, read, teardown, List.of());
  }

  public GuestCase withPrepare(List<String> lines) {
    return new GuestCase(name, lines, setup, load, read, teardown, cleanup);
  }

  public GuestCase withCleanup(List<String> lines) {
    return new GuestCase(name, prepare, setup, load, read, teardown, lines);
  }

  public GuestCase withLoad(List<String> lines) {
    return new GuestCase(name, prepare, setup, lines, read, teardown, cleanup);
  }
}
