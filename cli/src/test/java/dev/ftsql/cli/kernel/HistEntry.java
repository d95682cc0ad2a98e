package dev.ftsql.cli.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a hist file: {@code { key: value, ... } hitcount: N val: N}, plus the lines the
 * kernel prints under it for onmax/onchange ({@code \tmax: N saved: N}).
 *
 * @param keys each key's label and its rendering as printed without padding; a stack key's
 *     rendering is its frame lines, indented as printed
 * @param values {@code hitcount} and the other values
 * @param extras the numbers on the tab-indented lines under the entry ({@code max}, saved fields)
 */
public record HistEntry(
    Map<String, String> keys, Map<String, Long> values, Map<String, Long> extras) {
  private static final Pattern KEY = Pattern.compile("([\\w.]+):(\n?)(.*)", Pattern.DOTALL);

  /** A synthetic event's stack field: "stack.stacktrace" and the first frame on its line. */
  private static final Pattern STACK_FIELD =
      Pattern.compile("(\\w+)\\.stacktrace( {2,}.*)", Pattern.DOTALL);

  private static final Pattern NUMBER = Pattern.compile("([\\w.]+): +(\\d+)");

  /**
   * @param keyText what lies between the braces; @param rest what follows the closing brace
   */
  static HistEntry parse(String keyText, String rest, List<String> extraLines) {
    Map<String, String> keys = new LinkedHashMap<>();
    // A stack key's label ends its line: "common_stacktrace:\n".
    for (String part : keyText.strip().split(", (?=[\\w.]+:[ \n])")) {
      Matcher stack = STACK_FIELD.matcher(part);
      if (stack.matches()) {
        keys.put(stack.group(1), stack.group(2).stripTrailing());
        continue;
      }
      Matcher m = KEY.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a hist key: " + part);
      }
      // A stack key's frames start on the next line, indented; other renderings are padded.
      String value = m.group(2).isEmpty() ? m.group(3).strip() : m.group(3).stripTrailing();
      keys.put(m.group(1), value);
    }
    Map<String, Long> extras = new LinkedHashMap<>();
    extraLines.forEach(l -> extras.putAll(numbers(l)));
    return new HistEntry(keys, numbers(rest), extras);
  }

  private static Map<String, Long> numbers(String text) {
    Map<String, Long> out = new LinkedHashMap<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.put(m.group(1), Long.parseUnsignedLong(m.group(2)));
    }
    return out;
  }

  public String key(String label) {
    String k = keys.get(label);
    if (k == null) {
      throw new AssertionError("no key " + label + " in " + keys);
    }
    return k;
  }

  public long value(String name) {
    Long v = values.get(name);
    if (v == null) {
      throw new AssertionError("no value " + name + " in " + values);
    }
    return v;
  }

  public long hitcount() {
    return value("hitcount");
  }
}
