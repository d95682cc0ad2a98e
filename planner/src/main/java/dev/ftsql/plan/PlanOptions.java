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
 * @param saveFields {@code -S f1,f2}: fields saved by onmax (MAX(), or {@code -m}/{@code -c})
 * @param handler sqlhist's {@code -m VAR} / {@code -c VAR}: fire a join's result on a new max or
 *     a change of VAR instead of on every match
 * @param snapshot sqlhist's {@code -s}: take a snapshot on the handler
 * @param traceAndSnapshot sqlhist's {@code -T}: trace the result and take a snapshot
 */
public record PlanOptions(
    Optional<String> name,
    Optional<String> instance,
    OptionalInt size,
    List<String> saveFields,
    Optional<Handler> handler,
    boolean snapshot,
    boolean traceAndSnapshot) {

  /** {@code onmax($var)} or {@code onchange($var)} on a join's last trigger. */
  public record Handler(Kind kind, String variable) {
    public enum Kind {
      MAX("onmax"),
      CHANGE("onchange");

      private final String kernel;

      Kind(String kernel) {
        this.kernel = kernel;
      }

      public String kernel() {
        return kernel;
      }
    }
  }

  public PlanOptions(Optional<String> name, Optional<String> instance, OptionalInt size, List<String> saveFields) {
    this(name, instance, size, saveFields, Optional.empty(), false, false);
  }
  /** The kernel's "good name" for events and variables. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  /** Instance directories: no slashes, no dot-names, so a path can never leave tracefs. */
  private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

  public PlanOptions {
    saveFields = List.copyOf(saveFields);
    if (handler.isEmpty() && (snapshot || traceAndSnapshot)) {
      throw new SqlError("-s and -T need a handler: -m VAR (on a new maximum) or -c VAR (on a change)");
    }
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
    return new PlanOptions(Optional.of(n), instance, size, saveFields, handler, snapshot, traceAndSnapshot);
  }

  public PlanOptions withInstance(String i) {
    return new PlanOptions(name, Optional.of(i), size, saveFields, handler, snapshot, traceAndSnapshot);
  }

  public PlanOptions withSize(int s) {
    return new PlanOptions(name, instance, OptionalInt.of(s), saveFields, handler, snapshot, traceAndSnapshot);
  }

  public PlanOptions withHandler(Handler h, boolean snap, boolean traceSnap) {
    return new PlanOptions(name, instance, size, saveFields, Optional.of(h), snap, traceSnap);
  }

  public PlanOptions withSave(List<String> fields) {
    return new PlanOptions(name, instance, size, fields, handler, snapshot, traceAndSnapshot);
  }
}
