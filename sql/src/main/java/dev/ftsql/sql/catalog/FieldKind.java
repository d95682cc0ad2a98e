package dev.ftsql.sql.catalog;

/** How a field of an event record is laid out, as far as hist triggers care. */
public enum FieldKind {
  /** A signed or unsigned integer of 1, 2, 4 or 8 bytes (includes enums, bool, pid_t, ...). */
  INTEGER,
  /** A pointer (printed as an address; usable with .sym, .hex). */
  POINTER,
  /** {@code char name[N]}: a string stored inline. */
  FIXED_STRING,
  /** {@code __data_loc char[] name}: a string stored after the record. */
  DYNAMIC_STRING,
  /** {@code __rel_loc char[] name}: like DYNAMIC_STRING with a relative offset. */
  REL_STRING,
  /** {@code type name[N]} for a non-char type. */
  FIXED_ARRAY,
  /** {@code __data_loc type[] name} or {@code __rel_loc type[] name} for a non-char type. */
  DYNAMIC_ARRAY;

  public boolean isString() {
    return this == FIXED_STRING || this == DYNAMIC_STRING || this == REL_STRING;
  }

  public boolean isNumeric() {
    return this == INTEGER || this == POINTER;
  }
}
