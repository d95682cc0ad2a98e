package dev.ftsql.sql.dialect;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.dialect.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits sqlhist-or-standard SQL into significant tokens. It accepts the union of both lexical
 * dialects and rejects only what neither can use, so errors here are about characters, not syntax.
 */
final class Lexer {
  /** Longest first, so {@code &&} wins over {@code &}. */
  private static final String[] TWO_CHAR_OPS = {"&&", "||", "==", "!=", "<>", "<=", ">="};

  private static final String ONE_CHAR_OPS = "()[]{},;.=<>!~?:+-*/%|^&";

  private final String sql;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(String sql) {
    this.sql = sql;
  }

  static List<Token> lex(String sql) {
    Lexer lexer = new Lexer(sql);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (startsWith("--") || startsWith("//")) {
        // Calcite's lexer treats "//" as a line comment too; copying it untouched keeps us in step.
        int nl = sql.indexOf('\n', pos);
        pos = nl < 0 ? sql.length() : nl;
      } else if (startsWith("/*")) {
        int close = sql.indexOf("*/", pos + 2);
        if (close < 0) {
          throw error("unterminated comment", pos, sql.length());
        }
        pos = close + 2;
      } else if (isWordStart(c)) {
        add(Kind.WORD, pos, wordEnd(pos));
      } else if (c == '\\') {
        if (pos + 1 >= sql.length() || !isWordStart(sql.charAt(pos + 1))) {
          throw error("'\\' must be followed by a name, as in \\from", pos, pos + 1);
        }
        add(Kind.ESCAPED_WORD, pos, wordEnd(pos + 1));
      } else if (c == '`') {
        add(Kind.QUOTED_NAME, pos, quotedEnd('`', true, "unterminated quoted name"));
      } else if (c == '\'') {
        add(Kind.STRING, pos, quotedEnd('\'', true, "unterminated string"));
      } else if (c == '"') {
        // sqlhist: \"[^\"]*\" -- no escapes at all, a backslash is an ordinary character.
        add(Kind.DQ_STRING, pos, quotedEnd('"', false, "unterminated string"));
      } else if (isDigit(c)
          || (c == '.' && pos + 1 < sql.length() && isDigit(sql.charAt(pos + 1)))) {
        number();
      } else {
        operator(c);
      }
    }
  }

  private void operator(char c) {
    for (String op : TWO_CHAR_OPS) {
      if (startsWith(op)) {
        add(Kind.OP, pos, pos + 2);
        return;
      }
    }
    if (ONE_CHAR_OPS.indexOf(c) < 0) {
      String shown =
          Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
      throw error("unexpected character '" + shown + "'", pos, pos + 1);
    }
    add(Kind.OP, pos, pos + 1);
  }

  private void number() {
    int start = pos;
    int i = pos;
    Kind kind = Kind.NUMBER;
    if (startsWith("0x") || startsWith("0X")) {
      i += 2;
      while (i < sql.length() && Character.digit(sql.charAt(i), 16) >= 0) {
        i++;
      }
      kind = i == start + 2 ? null : Kind.HEX;
    } else {
      i = digitsEnd(i);
      boolean integer = true;
      if (i < sql.length() && sql.charAt(i) == '.') {
        integer = false;
        i = digitsEnd(i + 1);
      }
      if (i < sql.length() && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
        int exp = i + 1;
        if (exp < sql.length() && (sql.charAt(exp) == '+' || sql.charAt(exp) == '-')) {
          exp++;
        }
        int expEnd = digitsEnd(exp);
        if (expEnd > exp) {
          integer = false;
          i = expEnd;
        }
      }
      if (integer && i - start > 1 && sql.charAt(start) == '0') {
        kind = Kind.OCTAL;
        for (int j = start; j < i; j++) {
          if (sql.charAt(j) > '7') {
            throw error(
                "malformed octal number '"
                    + sql.substring(start, i)
                    + "' (a leading 0 means octal)",
                start,
                i);
          }
        }
      }
    }
    // sqlhist silently drops junk after a number (12ab is 12); refuse it instead.
    int junk = i;
    while (junk < sql.length() && isWordPart(sql.charAt(junk))) {
      junk++;
    }
    if (kind == null || junk > i) {
      throw error("malformed number '" + sql.substring(start, junk) + "'", start, junk);
    }
    add(kind, start, i);
  }

  private int digitsEnd(int i) {
    while (i < sql.length() && isDigit(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  private int wordEnd(int i) {
    while (i < sql.length() && isWordPart(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** End of a quoted lexeme starting at {@link #pos}; {@code doubled} allows {@code ''} inside. */
  private int quotedEnd(char quote, boolean doubled, String unterminated) {
    int i = pos + 1;
    while (true) {
      int close = sql.indexOf(quote, i);
      if (close < 0) {
        throw error(unterminated, pos, sql.length());
      }
      if (doubled && close + 1 < sql.length() && sql.charAt(close + 1) == quote) {
        i = close + 2;
      } else {
        return close + 1;
      }
    }
  }

  private void add(Kind kind, int start, int end) {
    tokens.add(new Token(kind, start, end, sql.substring(start, end)));
    pos = end;
  }

  private boolean startsWith(String s) {
    return sql.startsWith(s, pos);
  }

  private static SqlError error(String message, int start, int end) {
    return new SqlError(message, new SourceSpan(start, Math.max(end, start + 1)));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return c == '_' || Character.isLetter(c);
  }

  private static boolean isWordPart(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
