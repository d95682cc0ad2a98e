package dev.ftsql.cli;

import dev.ftsql.plan.PlanOptions;
import dev.ftsql.sql.SqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** sqlhist-compatible plan options. */
final class PlanChoices {
  @Option(names = {"-n", "--name"}, paramLabel = "NAME",
      description = "Name of the plan (and of its synthetic event). Default: derived from the query.")
  String name;

  @Option(names = {"-B", "--instance"}, paramLabel = "INSTANCE",
      description = "Use the tracing instance instances/INSTANCE/.")
  String instance;

  @Option(names = "--size", paramLabel = "N",
      description = "Histogram table size (entries, 128..131072; the kernel default is 2048).")
  Integer size;

  @Option(names = {"-S", "--save"}, paramLabel = "FIELDS", split = ",",
      description = "Fields saved on a new maximum: with MAX(), or with -m/-c on a join (sqlhist -S).")
  List<String> save = new ArrayList<>();

  @Option(names = {"-m", "--onmax"}, paramLabel = "VAR",
      description = "Join: fire the result only when column VAR reaches a new maximum (sqlhist -m).")
  String onmax;

  @Option(names = {"-c", "--onchange"}, paramLabel = "VAR",
      description = "Join: fire the result only when column VAR changes (sqlhist -c).")
  String onchange;

  @Option(names = {"-s", "--snapshot"}, description = "With -m/-c: take a snapshot of the trace buffer (sqlhist -s).")
  boolean snapshot;

  @Option(names = {"-T", "--trace-snapshot"}, description = "With -m/-c: fire the result and take a snapshot (sqlhist -T).")
  boolean traceSnapshot;

  /** These options over those of the query's {@code -- ftsql:} line ({@link OptionsLine}). */
  PlanOptions toOptions(String sql) {
    return over(OptionsLine.of(sql)).toOptions();
  }

  /** Each option given here, else the one of {@code line}; -m/-c and their actions go together. */
  private PlanChoices over(PlanChoices line) {
    PlanChoices c = new PlanChoices();
    c.name = name != null ? name : line.name;
    c.instance = instance != null ? instance : line.instance;
    c.size = size != null ? size : line.size;
    c.save = !save.isEmpty() ? save : line.save;
    boolean handlerHere = onmax != null || onchange != null;
    PlanChoices h = handlerHere ? this : line;
    c.onmax = h.onmax;
    c.onchange = h.onchange;
    c.snapshot = handlerHere ? snapshot : line.snapshot || snapshot;
    c.traceSnapshot = handlerHere ? traceSnapshot : line.traceSnapshot || traceSnapshot;
    return c;
  }

  private PlanOptions toOptions() {
    if (onmax != null && onchange != null) {
      throw new SqlError("give -m or -c, not both");
    }
    Optional<PlanOptions.Handler> handler =
        onmax != null ? Optional.of(new PlanOptions.Handler(PlanOptions.Handler.Kind.MAX, onmax))
            : onchange != null ? Optional.of(new PlanOptions.Handler(PlanOptions.Handler.Kind.CHANGE, onchange))
            : Optional.empty();
    return new PlanOptions(
        Optional.ofNullable(name),
        Optional.ofNullable(instance),
        size == null ? OptionalInt.empty() : OptionalInt.of(size),
        save,
        handler,
        snapshot,
        traceSnapshot);
  }
}
