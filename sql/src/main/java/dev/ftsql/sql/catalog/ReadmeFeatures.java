package dev.ftsql.sql.catalog;

/**
 * What a kernel's tracefs {@code README} says it supports. The README is the kernel's own feature
 * list (libtracefs probes it the same way), so presence of a line is the test.
 *
 * @param text the README text, empty when unknown
 */
public record ReadmeFeatures(String text) {
  /** The README line that lists the {@code trace()} action of hist triggers. */
  public static final String TRACE_ACTION = "trace(<synthetic_event>,param list)";

  public ReadmeFeatures {
    text = text == null ? "" : text;
  }

  public static ReadmeFeatures of(EventCatalog catalog) {
    return new ReadmeFeatures(catalog.readme());
  }

  /** Whether the README contains {@code exactText} anywhere, e.g. {@link #TRACE_ACTION}. */
  public boolean has(String exactText) {
    return text.contains(exactText);
  }

  /**
   * Whether the README contains {@code token} not as part of a longer name: {@code
   * mentions("stacktrace")} does not match {@code common_stacktrace}, {@code mentions(".sym")} does
   * not match {@code .sym-offset}.
   */
  public boolean mentions(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      int after = at + token.length();
      boolean startsClean =
          at == 0 || !isNamePart(text.charAt(at - 1)) || !isNamePart(token.charAt(0));
      boolean endsClean =
          after == text.length()
              || !isNamePart(text.charAt(after))
              || !isNamePart(token.charAt(token.length() - 1));
      if (startsClean && endsClean) {
        return true;
      }
    }
    return false;
  }

  /** Whether the kernel has hist triggers ({@code CONFIG_HIST_TRIGGERS}). */
  public boolean hasHistTriggers() {
    return text.contains("hist trigger") || text.contains("keys=");
  }

  /** Whether the README is known at all; without it every feature question answers false. */
  public boolean isKnown() {
    return !text.isEmpty();
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
