package dev.ftsql.sql.dialect;

import java.util.Arrays;

/** Rewritten text under construction, remembering for each character where the user typed it. */
final class MappedText {
  private final String original;
  private final StringBuilder text = new StringBuilder();
  private int[] map = new int[64];

  MappedText(String original) {
    this.original = original;
  }

  /** Copies {@code original[from, to)} unchanged. */
  void copy(int from, int to) {
    for (int i = from; i < to; i++) {
      put(original.charAt(i), i);
    }
  }

  /** Appends text that stands for the original character at {@code at}. */
  void insert(String s, int at) {
    for (int i = 0; i < s.length(); i++) {
      put(s.charAt(i), at);
    }
  }

  /** Appends a replacement for {@code token}, spreading it over the token's characters. */
  void replace(String s, Token token) {
    int last = token.end() - 1;
    for (int i = 0; i < s.length(); i++) {
      put(s.charAt(i), Math.min(token.start() + i, last));
    }
  }

  void put(char c, int at) {
    if (text.length() == map.length) {
      map = Arrays.copyOf(map, map.length * 2);
    }
    map[text.length()] = at;
    text.append(c);
  }

  /** The last character appended, or a space when there is none. */
  char last() {
    return text.length() == 0 ? ' ' : text.charAt(text.length() - 1);
  }

  NormalizedSql build() {
    int[] toOriginal = Arrays.copyOf(map, text.length() + 1);
    toOriginal[text.length()] = original.length();
    return new NormalizedSql(original, text.toString(), toOriginal);
  }
}
