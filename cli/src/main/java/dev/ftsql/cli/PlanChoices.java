package dev.ftsql.cli;

import dev.ftsql.plan.PlanOptions;
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
      description = "Extra fields saved when MAX() hits a new maximum (sqlhist -S).")
  List<String> save = new ArrayList<>();

  PlanOptions toOptions() {
    return new PlanOptions(
        Optional.ofNullable(name),
        Optional.ofNullable(instance),
        size == null ? OptionalInt.empty() : OptionalInt.of(size),
        save);
  }
}
