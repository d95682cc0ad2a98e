package dev.ftsql.sql.query;

/**
 * The type of a synthetic-event field, as the kernel's synthetic_events file spells it.
 *
 * @param name {@code u64}, {@code s32}, {@code pid_t}, {@code char}, {@code unsigned long}...
 * @param kind NUMBER, FIXED_STRING, DYNAMIC_STRING or STACKTRACE
 * @param size bytes (N for char[N])
 * @param signed for numbers
 */
public record SynthType(String name, ColumnKind kind, int size, boolean signed) {

  public static SynthType number(int size, boolean signed) {
    String n =
        switch (size) {
          case 1 -> signed ? "s8" : "u8";
          case 2 -> signed ? "s16" : "u16";
          case 4 -> signed ? "s32" : "u32";
          default -> signed ? "s64" : "u64";
        };
    return new SynthType(n, ColumnKind.NUMBER, size == 1 || size == 2 || size == 4 ? size : 8, signed);
  }

  /**
   * The synthetic field type that holds a column: the kernel checks a parameter against its field
   * by size and sign (strings and stacks by kind), and keeps {@code pid_t} as {@code pid_t}.
   */
  public static SynthType of(Column c, Display display, String declaredType) {
    if (display == Display.EXECNAME) {
      return new SynthType("char", ColumnKind.DYNAMIC_STRING, 256, false);
    }
    return switch (c.kind()) {
      case TIMESTAMP -> number(8, false);
      case CPU -> new SynthType("unsigned int", ColumnKind.NUMBER, 4, false);
      case FIXED_STRING -> new SynthType("char", ColumnKind.FIXED_STRING, c.size(), false);
      case DYNAMIC_STRING -> new SynthType("char", ColumnKind.DYNAMIC_STRING, 256, false);
      case STACKTRACE -> new SynthType("unsigned long", ColumnKind.STACKTRACE, 128, false);
      case NUMBER -> declaredType.equals("pid_t") ? new SynthType("pid_t", ColumnKind.NUMBER, 4, true)
          : number(c.size(), c.signed());
      case ARRAY, COMM -> throw new IllegalArgumentException(c.field() + " has no synthetic type");
    };
  }

  /** The field declaration: {@code u64 lat}, {@code char comm[16]}, {@code unsigned long[] stack}. */
  public String declare(String field) {
    return switch (kind) {
      case FIXED_STRING -> "char " + field + "[" + size + "]";
      case DYNAMIC_STRING -> "char " + field + "[]";
      case STACKTRACE -> "unsigned long[] " + field;
      default -> name + " " + field;
    };
  }
}
