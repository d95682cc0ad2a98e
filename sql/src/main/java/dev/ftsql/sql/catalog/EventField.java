package dev.ftsql.sql.catalog;

/**
 * One field of an event's {@code format} file.
 *
 * @param name the field name, e.g. {@code next_comm}
 * @param declaredType the C type as written in the format file, without the name and array
 *     suffix, e.g. {@code char}, {@code pid_t}, {@code __data_loc char[]}, {@code unsigned long}
 * @param offset byte offset in the record
 * @param size byte size in the record (for __data_loc/__rel_loc: the 4-byte locator)
 * @param signed the format file's {@code signed:} flag
 * @param kind the layout class
 * @param arrayLength N for {@code name[N]}, else 0
 * @param common true for the {@code common_*} header fields
 */
public record EventField(
    String name,
    String declaredType,
    int offset,
    int size,
    boolean signed,
    FieldKind kind,
    int arrayLength,
    boolean common) {

  /** The type as a user reads it in {@code ftsql describe}: {@code char[16]}, {@code u32}... */
  public String displayType() {
    return switch (kind) {
      case FIXED_STRING, FIXED_ARRAY -> declaredType + "[" + arrayLength + "]";
      default -> declaredType;
    };
  }
}
