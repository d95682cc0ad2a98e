package dev.ftsql.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recipe from {@code samples/NAME.sql}: a query whose leading {@code --} comment says what it
 * answers.
 *
 * @param name the file name without {@code .sql}, e.g. {@code wakeup-latency}
 * @param text the whole file
 */
record Recipe(String name, String text) {
  private static final Pattern NEEDS_LINUX = Pattern.compile("(?m)^--\\s*Needs: Linux (\\d+\\.\\d+)\\+");

  /** The first comment line: what the recipe answers, in one line. */
  String summary() {
    return text.lines()
        .filter(l -> l.startsWith("--"))
        .findFirst()
        .map(l -> l.substring(2).strip())
        .orElse("");
  }

  /** The kernel version the recipe says it needs ({@code -- Needs: Linux 6.3+}), if it says one. */
  Optional<String> needsLinux() {
    Matcher m = NEEDS_LINUX.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
