package dev.ftsql.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shell comments from arbitrary text (SQL, names, file paths): every line of the text becomes a
 * line of its own behind {@code #}, so nothing in the text can end the comment and be run. Control
 * characters other than tab, which could rewrite what a terminal shows, become {@code ?}.
 */
public final class ShellComment {
  /** Every line break Java, a shell or an editor knows. */
  private static final Pattern LINE_BREAK =
      Pattern.compile("\r\n|[\n\r\u000b\f\u0085\u2028\u2029]");

  private ShellComment() {}

  /**
   * {@code text} as comment lines, each {@code #} + {@code indent} + the line (trailing blanks
   * dropped).
   */
  public static List<String> lines(String text, String indent) {
    List<String> out = new ArrayList<>();
    for (String line : LINE_BREAK.split(text, -1)) {
      out.add(("#" + indent + printable(line)).stripTrailing());
    }
    return out;
  }

  /** One comment line: line breaks in {@code text} become spaces. */
  public static String line(String text) {
    return ("# " + printable(LINE_BREAK.matcher(text).replaceAll(" "))).stripTrailing();
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c ->
                b.appendCodePoint(
                    c != '\t' && Character.getType(c) == Character.CONTROL ? '?' : c));
    return b.toString();
  }
}
