package dev.ftsql.sql.catalog;

import dev.ftsql.sql.SqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of one tracefs {@code events/<system>/<event>/format} file into an {@link
 * EventFormat}. Pure: text in, value out; the catalog loader owns the I/O.
 *
 * <p>Tolerant by design, because format files vary across kernels: unknown lines are ignored and a
 * {@code field:} line that cannot be read is skipped, so one odd field does not hide the event.
 */
public final class FormatParser {
  private static final String PRINT_FMT = "print fmt:";
  private static final String COMMON_PREFIX = "common_";
  private static final String DATA_LOC = "__data_loc";
  private static final String REL_LOC = "__rel_loc";

  /** {@code <type> <name>} with an optional {@code [N]} or {@code []} after the name. */
  private static final Pattern DECLARATION =
      Pattern.compile("(.*?)\\s*\\b([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\[\\s*([^\\]]*?)\\s*\\])?");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern STAR = Pattern.compile("\\s*\\*");

  private FormatParser() {}

  /**
   * Parses a format file whose {@code name:} line names the event.
   *
   * @throws SqlError when the text is not a trace event format (no name, no numeric ID, or no
   *     field)
   */
  public static EventFormat parse(String system, String text) {
    return parse(system, null, text);
  }

  /**
   * Parses a format file found in directory {@code events/<system>/<directoryName>}. The directory
   * name is the event's name (its control files live there); the {@code name:} line is used only
   * when {@code directoryName} is null.
   *
   * @throws SqlError when the text is not a trace event format (no numeric ID, or no field)
   */
  public static EventFormat parse(String system, String directoryName, String text) {
    String name = directoryName;
    Integer id = null;
    String printFmt = "";
    List<EventField> fields = new ArrayList<>();
    // The kernel prints the common fields as the first block, then a blank line.
    boolean firstBlock = true;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end).strip();
      if (line.startsWith(PRINT_FMT)) {
        // The print format runs to the end: its string literal may hold raw newlines (ext4 does).
        printFmt = text.substring(start).strip().substring(PRINT_FMT.length()).strip();
        break;
      }
      if (line.isEmpty()) {
        firstBlock = fields.isEmpty();
      } else if (line.startsWith("name:") && directoryName == null) {
        name = line.substring("name:".length()).strip();
      } else if (line.startsWith("ID:")) {
        id = parseNumber(line.substring("ID:".length()).strip());
      } else if (line.startsWith("field:") || line.startsWith("field special:")) {
        EventField field = parseField(line, firstBlock);
        if (field != null) {
          fields.add(field);
        }
      }
      start = end + 1;
    }
    String where = "events/" + system + "/" + (name == null ? "?" : name) + "/format";
    if (name == null || name.isEmpty()) {
      throw new SqlError(where + ": not a trace event format (no name: line)");
    }
    if (id == null) {
      throw new SqlError(where + ": not a trace event format (no numeric ID: line)");
    }
    if (fields.isEmpty()) {
      throw new SqlError(where + ": not a trace event format (no readable field: line)");
    }
    return new EventFormat(system, name, id, fields, printFmt);
  }

  /**
   * One {@code field:<decl>;\toffset:N;\tsize:N;\tsigned:N;} line, or null when it cannot be read.
   * {@code signed:} is optional (kernels before 2.6.32 lack it).
   */
  private static EventField parseField(String line, boolean firstBlock) {
    String[] parts = line.split(";");
    String declaration = parts[0].substring(parts[0].indexOf(':') + 1).strip();
    Integer offset = null;
    Integer size = null;
    boolean signed = false;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      int colon = part.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = part.substring(0, colon).strip();
      Integer value = parseNumber(part.substring(colon + 1).strip());
      switch (key) {
        case "offset" -> offset = value;
        case "size" -> size = value;
        case "signed" -> signed = value != null && value != 0;
        default -> {}
      }
    }
    Matcher m = DECLARATION.matcher(declaration);
    if (offset == null || size == null || !m.matches() || m.group(1).isEmpty()) {
      return null;
    }
    String type = normalize(m.group(1));
    String name = m.group(2);
    String arraySuffix = m.group(3);
    boolean common = firstBlock && name.startsWith(COMMON_PREFIX);
    if (type.startsWith(DATA_LOC) || type.startsWith(REL_LOC)) {
      // Some kernels print "__rel_loc char foo[]" instead of "__rel_loc char[] foo".
      if (arraySuffix != null && !type.endsWith("[]")) {
        type = type + "[]";
      }
      return new EventField(name, type, offset, size, signed, locatorKind(type), 0, common);
    }
    if (arraySuffix != null) {
      FieldKind kind = isCharType(type) ? FieldKind.FIXED_STRING : FieldKind.FIXED_ARRAY;
      return new EventField(
          name, type, offset, size, signed, kind, arrayLength(arraySuffix, kind, size), common);
    }
    FieldKind kind = type.contains("*") ? FieldKind.POINTER : FieldKind.INTEGER;
    return new EventField(name, type, offset, size, signed, kind, 0, common);
  }

  private static FieldKind locatorKind(String type) {
    if (!isCharType(type)) {
      return FieldKind.DYNAMIC_ARRAY;
    }
    return type.startsWith(REL_LOC) ? FieldKind.REL_STRING : FieldKind.DYNAMIC_STRING;
  }

  /**
   * The kernel's own test ({@code filter_assign_type()} in trace_events_filter.c): an array or
   * locator whose type mentions {@code char} is a string, so {@code unsigned char addr[6]} is one.
   */
  private static boolean isCharType(String type) {
    return type.contains("char");
  }

  /**
   * {@code N} of {@code [N]}; 0 for a flexible {@code []}; the byte size for a char array whose
   * length very old kernels print as a macro name ({@code [TASK_COMM_LEN]}).
   */
  private static int arrayLength(String suffix, FieldKind kind, int size) {
    if (suffix.isEmpty()) {
      return 0;
    }
    Integer length = parseNumber(suffix);
    if (length != null) {
      return length;
    }
    return kind == FieldKind.FIXED_STRING ? size : 0;
  }

  /**
   * One space between words and before each {@code *}: {@code const void*} and {@code const void *}
   * both read {@code const void *}.
   */
  private static String normalize(String type) {
    String spaced = STAR.matcher(type).replaceAll(" *");
    return WHITESPACE.matcher(spaced).replaceAll(" ").strip();
  }

  private static Integer parseNumber(String text) {
    if (text.isEmpty() || text.length() > 10) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && !(i == 0 && c == '-' && text.length() > 1)) {
        return null;
      }
    }
    long value = Long.parseLong(text);
    return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : (int) value;
  }
}
