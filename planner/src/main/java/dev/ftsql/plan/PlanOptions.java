package dev.ftsql.plan;

import dev.ftsql.sql.SqlError;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What the user chose besides the SQL.
 *
 * @param name {@code -n NAME}: the plan's (and synthetic event's) name
 * @param instance {@code -B NAME}: a tracing instance
 * @param size {@code --size N}: the histogram table size
 * @param saveFields {@code -S f1,f2}: extra fields saved by onmax
 */
public record PlanOptions(
    Optional<String> name, Optional<String> instance, OptionalInt size, List<String> saveFields) {
  /** The kernel's "good name" for events and variables. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  /** Instance directories: no slashes, no dot-names, so a path can never leave tracefs. */
  private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

  public PlanOptions {
    saveFields = List.copyOf(saveFields);
    name.ifPresent(
        n -> {
          if (!NAME.matcher(n).matches()) {
            throw new SqlError("bad name '" + n + "': use letters, digits and _, starting with a letter or _");
          }
        });
    instance.ifPresent(
        i -> {
          if (!INSTANCE.matcher(i).matches()) {
            throw new SqlError("bad instance name '" + i + "': use letters, digits, _, . and -");
          }
        });
  }

  public static PlanOptions defaults() {
    return new PlanOptions(Optional.empty(), Optional.empty(), OptionalInt.empty(), List.of());
  }

  public PlanOptions withName(String n) {
    return new PlanOptions(Optional.of(n), instance, size, saveFields);
  }

  public PlanOptions withInstance(String i) {
    return new PlanOptions(name, Optional.of(i), size, saveFields);
  }

  public PlanOptions withSize(int s) {
    return new PlanOptions(name, instance, OptionalInt.of(s), saveFields);
  }
}
