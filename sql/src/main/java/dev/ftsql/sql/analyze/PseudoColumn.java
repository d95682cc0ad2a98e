package dev.ftsql.sql.analyze;

import dev.ftsql.sql.query.ColumnKind;
import java.util.List;
import java.util.Optional;

/**
 * Columns every event has although its format file does not list them: the kernel's
 * {@code common_timestamp}, {@code common_cpu}, {@code common_stacktrace}, and sqlhist's spellings
 * of them. An event's own field of the same name always wins, as in the kernel.
 *
 * @param name the SQL spelling
 * @param field the kernel's spelling
 * @param kind what it holds
 * @param usecs true for TIMESTAMP_USECS
 */
record PseudoColumn(String name, String field, ColumnKind kind, boolean usecs) {
  static final List<PseudoColumn> ALL =
      List.of(
          new PseudoColumn("common_timestamp", "common_timestamp", ColumnKind.TIMESTAMP, false),
          new PseudoColumn("TIMESTAMP", "common_timestamp", ColumnKind.TIMESTAMP, false),
          new PseudoColumn("TIMESTAMP_USECS", "common_timestamp", ColumnKind.TIMESTAMP, true),
          new PseudoColumn("common_cpu", "common_cpu", ColumnKind.CPU, false),
          new PseudoColumn("CPU", "common_cpu", ColumnKind.CPU, false),
          new PseudoColumn("cpu", "common_cpu", ColumnKind.CPU, false),
          new PseudoColumn("common_stacktrace", "common_stacktrace", ColumnKind.STACKTRACE, false),
          new PseudoColumn("STACKTRACE", "common_stacktrace", ColumnKind.STACKTRACE, false),
          new PseudoColumn("stacktrace", "common_stacktrace", ColumnKind.STACKTRACE, false),
          new PseudoColumn("COMM", "COMM", ColumnKind.COMM, false),
          new PseudoColumn("comm", "COMM", ColumnKind.COMM, false));

  static Optional<PseudoColumn> named(String name) {
    return ALL.stream().filter(p -> p.name.equals(name)).findFirst();
  }
}
