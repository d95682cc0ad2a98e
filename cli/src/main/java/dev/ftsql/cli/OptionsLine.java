package dev.ftsql.cli;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A query's own plan options: a comment line {@code -- ftsql: -m lat -T} in the query text (a
 * recipe needs sqlhist's -m/-c/-s/-T/-S/-n to say what it means). The command line's options win
 * over the line's.
 */
final class OptionsLine {
  private static final Pattern LINE = Pattern.compile("(?m)^[ \\t]*--[ \\t]*ftsql:(.*)$");

  private OptionsLine() {}

  /** The options of the query's {@code -- ftsql:} line; empty choices without one. */
  static PlanChoices of(String sql) {
    PlanChoices choices = new PlanChoices();
    Matcher m = LINE.matcher(sql);
    if (!m.find()) {
      return choices;
    }
    SourceSpan span = new SourceSpan(m.start(), m.end());
    String options = m.group(1).strip();
    if (m.find()) {
      throw new SqlError("more than one '-- ftsql:' options line; put all options on one",
          new SourceSpan(m.start(), m.end()));
    }
    try {
      new CommandLine(choices).parseArgs(options.isEmpty() ? new String[0] : options.split("\\s+"));
    } catch (CommandLine.ParameterException e) {
      throw new SqlError("in the '-- ftsql:' options line: " + e.getMessage(), span);
    }
    return choices;
  }
}
