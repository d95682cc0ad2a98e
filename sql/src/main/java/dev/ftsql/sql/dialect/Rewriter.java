package dev.ftsql.sql.dialect;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.dialect.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One pass over the tokens that rewrites sqlhist spellings into standard SQL. Gaps between tokens
 * (whitespace, comments) are copied verbatim; every emitted character records its original offset.
 */
final class Rewriter {
  /** Reserved words the grammar really uses as keywords; any other reserved word is a name. */
  private static final Set<String> KEYWORDS =
      words(
          "SELECT FROM WHERE JOIN ON USING AS HAVING AND OR NOT IS NULL TRUE FALSE UNKNOWN LIKE IN"
              + " BETWEEN DISTINCT ALL WITH CASE WHEN THEN ELSE UNION EXCEPT INTERSECT");

  /** sqlhist pseudo-fields: always names, even where Calcite reserves the word (TIMESTAMP). */
  private static final Set<String> PSEUDO_FIELDS =
      words("TIMESTAMP TIMESTAMP_USECS TIMESTAMP_DELTA TIMESTAMP_DELTA_USECS STACKTRACE CPU COMM");

  /** CAST targets that are hist modifiers, not SQL types; {@code buckets=N} is handled apart. */
  private static final Set<String> MODIFIERS =
      words(
          "hex sym syscall execname comm log log2 usecs percent graph stacktrace _counter_"
              + " __counter__ buckets bucket");

  /** Words that end an ON condition, so a comma before them is a comma join, not sqlhist's AND. */
  private static final Set<String> CLAUSE_STARTS =
      words(
          "JOIN WHERE GROUP ORDER HAVING LIMIT OFFSET UNION EXCEPT INTERSECT LEFT RIGHT INNER CROSS"
              + " FULL NATURAL WINDOW");

  private static final Set<String> COMPARISONS = words("= == <> != < > <= >=");

  private static final Set<String> BY_OWNERS = words("GROUP ORDER PARTITION");

  private enum Clause {
    OTHER,
    WHERE,
    ON
  }

  /** State of one parenthesis level. */
  private static final class Frame {
    final boolean cast;
    boolean inCastType;
    Clause clause = Clause.OTHER;
    int openCase;

    Frame(boolean cast) {
      this.cast = cast;
    }
  }

  private final String sql;
  private final List<Token> tokens;
  private final MappedText out;
  private final Deque<Frame> frames = new ArrayDeque<>();

  /** Original offset up to which text has been emitted. */
  private int pos;

  /** Upper-cased keyword emitted for the previous token, or null if it was not a keyword. */
  private String prevKeyword;

  /** Upper-cased keyword emitted for the current token, if any; becomes {@link #prevKeyword}. */
  private String keyword;

  /** Index of the last token of the field inside an open {@code GLOB(}, or -1. */
  private int globFieldEnd = -1;

  /** Index of the pattern after which {@code )} closes the GLOB, or -1. */
  private int globCloseAt = -1;

  Rewriter(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
    this.out = new MappedText(sql);
    frames.push(new Frame(false));
  }

  NormalizedSql run() {
    for (int k = 0; k < tokens.size(); k++) {
      prevKeyword = keyword;
      keyword = null;
      Token t = tokens.get(k);
      k =
          switch (t.kind()) {
            case WORD, ESCAPED_WORD, QUOTED_NAME -> name(k);
            case DQ_STRING -> doubleQuoted(t, k);
            case HEX, OCTAL -> replaced(t, k, decimal(t));
            case OP -> operator(t, k);
            default -> copied(t, k);
          };
      if (k == globCloseAt) {
        out.insert(")", tokens.get(k).end() - 1);
        globCloseAt = -1;
      }
    }
    out.copy(pos, sql.length());
    return out.build();
  }

  // ---- names and keywords

  private int name(int k) {
    Token t = tokens.get(k);
    Frame frame = frames.peek();
    if (frame.inCastType) {
      // SQL type syntax (VARCHAR(16), DOUBLE PRECISION, TIMESTAMP): leave it to Calcite.
      return t.kind() == Kind.ESCAPED_WORD ? quoted(t, k) : copied(t, k);
    }
    openGlobIfField(k);
    if (t.kind() == Kind.ESCAPED_WORD) {
      return quoted(t, k);
    }
    if (t.kind() == Kind.QUOTED_NAME) {
      return copied(t, k);
    }
    if (isUsecsTimestamp(k)) {
      // The kernel's own spelling common_timestamp.usecs (sqlhist passes it through) is
      // TIMESTAMP_USECS; as written, SQL would read .usecs as a field of a column.
      emitWord("TIMESTAMP_USECS", t.start(), tokens.get(k + 2).end());
      return k + 2;
    }
    String upper = t.text().toUpperCase(Locale.ROOT);
    if (isName(k, upper)) {
      return ReservedWords.contains(upper) ? quoted(t, k) : copied(t, k);
    }
    copied(t, k);
    keyword = upper;
    switch (upper) {
      case "AS" -> {
        if (frame.cast && !frame.inCastType) {
          frame.inCastType = true;
          int end = modifier(k + 1);
          return end >= 0 ? end : k;
        }
      }
      case "CASE" -> frame.openCase++;
      case "END" -> frame.openCase--;
      case "WHERE" -> frame.clause = Clause.WHERE;
      case "ON" -> frame.clause = Clause.ON;
      default -> {
        if (CLAUSE_STARTS.contains(upper) || upper.equals("SELECT") || upper.equals("FROM")) {
          frame.clause = Clause.OTHER;
        }
      }
    }
    return k;
  }

  /** {@code common_timestamp.usecs}, written without spaces. */
  private boolean isUsecsTimestamp(int k) {
    Token t = tokens.get(k);
    Token dot = at(k + 1);
    Token usecs = at(k + 2);
    return t.kind() == Kind.WORD
        && t.text().equals("common_timestamp")
        && isOp(dot, ".")
        && usecs != null
        && usecs.kind() == Kind.WORD
        && usecs.text().equals("usecs")
        && dot.start() == t.end()
        && usecs.start() == dot.end();
  }

  /** Whether the word at {@code k} is used as a name rather than as SQL syntax. */
  private boolean isName(int k, String upper) {
    Token prev = at(k - 1);
    Token next = at(k + 1);
    if (k <= globFieldEnd || isOp(prev, ".") || isOp(next, ".") || "AS".equals(prevKeyword)) {
      return true;
    }
    if (PSEUDO_FIELDS.contains(upper)) {
      return !(upper.equals("TIMESTAMP") && isKind(next, Kind.STRING)); // TIMESTAMP '...' literal
    }
    if (isOp(next, "(")) {
      return false; // a function call: COUNT(, CAST(, MAX(
    }
    return switch (upper) {
      case "GROUP", "ORDER", "PARTITION" -> !isWord(next, "BY");
      case "BY" -> prevKeyword == null || !BY_OWNERS.contains(prevKeyword);
      case "LEFT", "RIGHT", "FULL" -> !(isWord(next, "JOIN") || isWord(next, "OUTER"));
      case "INNER", "CROSS", "OUTER" -> !isWord(next, "JOIN");
      case "NATURAL" ->
          !(isWord(next, "JOIN")
              || isWord(next, "LEFT")
              || isWord(next, "RIGHT")
              || isWord(next, "FULL")
              || isWord(next, "INNER"));
      case "LIMIT" -> !(isLimitValue(next) || isWord(next, "ALL"));
      case "OFFSET" -> !isLimitValue(next);
      case "END" ->
          frames.peek().openCase == 0; // a name (sched_switch AS end) unless closing a CASE
      case "ESCAPE", "DATE", "TIME", "INTERVAL" -> !isKind(next, Kind.STRING);
      default -> !KEYWORDS.contains(upper);
    };
  }

  /**
   * A sqlhist modifier as CAST target ({@code hex}, {@code sym-offset}, {@code buckets=100})
   * becomes a lower-case quoted name. Returns the index of its last token, or -1 if it is not a
   * modifier.
   */
  private int modifier(int k) {
    Token t = at(k);
    if (t == null || !(t.kind() == Kind.WORD || t.kind() == Kind.ESCAPED_WORD)) {
      return -1;
    }
    String word =
        t.text().substring(t.kind() == Kind.ESCAPED_WORD ? 1 : 0).toLowerCase(Locale.ROOT);
    Token second = at(k + 1);
    Token third = at(k + 2);
    // sqlhist lexes sym-offset as one token, so it must be written without spaces.
    if (word.equals("sym")
        && isOp(second, "-")
        && isWord(third, "OFFSET")
        && second.start() == t.end()
        && third.start() == second.end()) {
      emitQuoted("sym-offset", t.start(), third.end());
      return k + 2;
    }
    if ((word.equals("buckets") || word.equals("bucket"))
        && isOp(second, "=")
        && third != null
        && third.isNumber()) {
      emitQuoted(word + "=" + decimal(third), t.start(), third.end());
      return k + 2;
    }
    if (MODIFIERS.contains(word)) {
      emitQuoted(word, t.start(), t.end());
      return k;
    }
    return -1;
  }

  // ---- operators

  private int operator(Token t, int k) {
    switch (t.text()) {
      case "(" -> {
        copied(t, k);
        frames.push(new Frame("CAST".equals(prevKeyword)));
      }
      case ")" -> {
        copied(t, k);
        if (frames.size() > 1) {
          frames.pop();
        }
      }
      case "&&" -> spelled(t, "AND");
      case "||" -> spelled(t, "OR"); // hist filters have no string concatenation
      case "!" -> spelled(t, "NOT");
      case "==" -> replaced(t, k, "=");
      case "!=" -> replaced(t, k, "<>");
      case "~" -> glob(t, k);
      case "," -> {
        // sqlhist separates WHERE conditions and ON equalities with commas, meaning AND.
        Clause clause = frames.peek().clause;
        if (clause == Clause.WHERE || (clause == Clause.ON && conditionFollows(k))) {
          spelled(t, "AND");
        } else {
          copied(t, k);
        }
      }
      default -> copied(t, k);
    }
    return k;
  }

  /**
   * After a comma in ON: is the next item a condition ({@code a = b}) rather than a joined table?
   */
  private boolean conditionFollows(int comma) {
    int depth = 0;
    for (int j = comma + 1; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.isOp("(")) {
        depth++;
      } else if (t.isOp(")")) {
        if (depth-- == 0) {
          return false;
        }
      } else if (depth == 0) {
        if (t.isOp(",")) {
          return false;
        }
        if (t.kind() == Kind.OP && COMPARISONS.contains(t.text())) {
          return true;
        }
        if (t.kind() == Kind.WORD
            && !isOp(at(j - 1), ".")
            && CLAUSE_STARTS.contains(t.text().toUpperCase(Locale.ROOT))) {
          return false;
        }
      }
    }
    return false;
  }

  /** If the name chain starting at {@code k} is followed by {@code ~}, opens {@code GLOB(}. */
  private void openGlobIfField(int k) {
    if (k <= globFieldEnd || isOp(at(k - 1), ".")) {
      return;
    }
    int last = k;
    while (isOp(at(last + 1), ".") && at(last + 2) != null && at(last + 2).isNameLike()) {
      last += 2;
    }
    if (isOp(at(last + 1), "~")) {
      Token t = tokens.get(k);
      gap(t.start());
      out.insert("GLOB(", t.start());
      globFieldEnd = last;
    }
  }

  /** {@code field ~ "pat"} becomes {@code GLOB(field, 'pat')}; the field part is already out. */
  private void glob(Token tilde, int k) {
    if (globFieldEnd != k - 1) {
      throw error("'~' needs a field name on its left", tilde);
    }
    Token pattern = at(k + 1);
    if (pattern == null || !pattern.isString()) {
      throw error("'~' needs a quoted pattern on its right, as in next_comm ~ \"cycl*\"", tilde);
    }
    if (sql.substring(pos, tilde.start()).isBlank()) {
      pos = tilde.start(); // GLOB(next_comm, ...) rather than GLOB(next_comm , ...)
    }
    gap(tilde.start());
    out.replace(",", tilde);
    pos = tilde.end();
    if (pattern.start() == tilde.end()) {
      out.insert(" ", tilde.start());
    }
    globCloseAt = k + 1;
  }

  // ---- emitting

  private int copied(Token t, int k) {
    gap(t.start());
    out.copy(t.start(), t.end());
    pos = t.end();
    return k;
  }

  private int replaced(Token t, int k, String replacement) {
    gap(t.start());
    out.replace(replacement, t);
    pos = t.end();
    return k;
  }

  /** A name as {@code `name`}; {@code \name} loses its backslash. */
  private int quoted(Token t, int k) {
    boolean escaped = t.kind() == Kind.ESCAPED_WORD;
    gap(t.start());
    out.put('`', t.start());
    out.copy(escaped ? t.start() + 1 : t.start(), t.end());
    out.put('`', t.end() - 1);
    pos = t.end();
    return k;
  }

  /** A word standing for the original text from {@code start} to {@code end}, all of it. */
  private void emitWord(String word, int start, int end) {
    gap(start);
    int last = word.length() - 1;
    for (int i = 0; i < word.length(); i++) {
      out.put(word.charAt(i), i == last ? end - 1 : Math.min(start + i, end - 1));
    }
    pos = end;
  }

  private void emitQuoted(String name, int start, int end) {
    gap(start);
    out.put('`', start);
    for (int i = 0; i < name.length(); i++) {
      out.put(name.charAt(i), Math.min(start + i, end - 1));
    }
    out.put('`', end - 1);
    pos = end;
  }

  /** {@code "str"} becomes {@code 'str'}; contents are kept, with {@code '} doubled. */
  private int doubleQuoted(Token t, int k) {
    gap(t.start());
    out.put('\'', t.start());
    for (int i = t.start() + 1; i < t.end() - 1; i++) {
      char c = sql.charAt(i);
      out.put(c, i);
      if (c == '\'') {
        out.put(c, i);
      }
    }
    out.put('\'', t.end() - 1);
    pos = t.end();
    return k;
  }

  /** An operator spelled as a word (AND, OR, NOT), with spaces added where it would touch text. */
  private void spelled(Token t, String word) {
    gap(t.start());
    if (!Character.isWhitespace(out.last()) && out.last() != '(') {
      out.insert(" ", t.start());
    }
    out.replace(word, t);
    pos = t.end();
    if (pos < sql.length() && !Character.isWhitespace(sql.charAt(pos)) && sql.charAt(pos) != ')') {
      out.insert(" ", t.end() - 1);
    }
  }

  private void gap(int to) {
    out.copy(pos, to);
    pos = to;
  }

  // ---- token tests

  private static Set<String> words(String spaceSeparated) {
    return Set.of(spaceSeparated.split(" "));
  }

  private Token at(int k) {
    return k >= 0 && k < tokens.size() ? tokens.get(k) : null;
  }

  private static boolean isOp(Token t, String op) {
    return t != null && t.isOp(op);
  }

  private static boolean isWord(Token t, String upper) {
    return t != null && t.isWord(upper);
  }

  private static boolean isKind(Token t, Kind kind) {
    return t != null && t.kind() == kind;
  }

  private static boolean isLimitValue(Token t) {
    return t != null && (t.isNumber() || t.isOp("?"));
  }

  private static String decimal(Token number) {
    return switch (number.kind()) {
      case HEX -> new BigInteger(number.text().substring(2), 16).toString();
      case OCTAL -> new BigInteger(number.text(), 8).toString();
      default -> number.text();
    };
  }

  private static SqlError error(String message, Token t) {
    return new SqlError(message, new SourceSpan(t.start(), t.end()));
  }
}
