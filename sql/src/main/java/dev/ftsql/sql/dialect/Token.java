package dev.ftsql.sql.dialect;

/**
 * One significant lexeme of the user's SQL: {@code [start, end)} in the original text. Whitespace
 * and comments are not tokens; the rewriter copies the gaps between tokens verbatim.
 */
record Token(Kind kind, int start, int end, String text) {

  enum Kind {
    /** A bare word: keyword, name or function name. */
    WORD,
    /** sqlhist's keyword escape {@code \word}; {@link #text} keeps the backslash. */
    ESCAPED_WORD,
    /** A back-quoted name, {@code `...`}. */
    QUOTED_NAME,
    /** A standard string, {@code '...'}. */
    STRING,
    /** sqlhist's string, {@code "..."}. */
    DQ_STRING,
    /** A decimal number, integer or not. */
    NUMBER,
    /** {@code 0x1F}. */
    HEX,
    /** {@code 010}: a leading zero means octal in sqlhist (strtol base 0) and in kernel filters. */
    OCTAL,
    /** An operator or punctuation, e.g. {@code &&}, {@code (}, {@code ,}. */
    OP
  }

  boolean isOp(String op) {
    return kind == Kind.OP && text.equals(op);
  }

  /** True for a bare word spelled {@code upper}, case-insensitively. */
  boolean isWord(String upper) {
    return kind == Kind.WORD && text.equalsIgnoreCase(upper);
  }

  boolean isNameLike() {
    return kind == Kind.WORD || kind == Kind.ESCAPED_WORD || kind == Kind.QUOTED_NAME;
  }

  boolean isString() {
    return kind == Kind.STRING || kind == Kind.DQ_STRING;
  }

  boolean isNumber() {
    return kind == Kind.NUMBER || kind == Kind.HEX || kind == Kind.OCTAL;
  }
}
