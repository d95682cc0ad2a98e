package dev.ftsql.sql.catalog;

import dev.ftsql.sql.SqlError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ftsql catalog snapshot text format: the tracefs files a catalog needs, concatenated.
 *
 * <pre>
 * #ftsql-catalog v1
 * #kernel 6.12.38+deb13-cloud-amd64
 * #ftsql-file README
 * (README, verbatim)
 * #ftsql-file events/sched/sched_switch/format
 * (the format file, verbatim)
 * </pre>
 *
 * <p>Each file's content is followed by one newline that is not part of it, so a content that does
 * or does not end in a newline round-trips exactly. A {@code #ftsql-} line this version does not
 * know (a later version's header) is skipped together with the text that follows it.
 */
final class CatalogSnapshot {
  static final String MAGIC = "#ftsql-catalog";
  static final String VERSION = "v1";
  private static final String KERNEL = "#kernel";
  private static final String DIRECTIVE = "#ftsql-";
  private static final String FILE = "#ftsql-file ";

  private CatalogSnapshot() {}

  /**
   * Splits a snapshot into its files without parsing any format.
   *
   * @throws SqlError when the text is not a version 1 snapshot
   */
  static TracefsFiles parse(String text, String sourceName) {
    if (!text.startsWith(MAGIC)) {
      throw new SqlError("not an ftsql catalog snapshot: " + sourceName);
    }
    int firstLineEnd = lineEnd(text, 0);
    String version = text.substring(MAGIC.length(), firstLineEnd).strip();
    if (!version.equals(VERSION)) {
      throw new SqlError(
          "unsupported ftsql catalog snapshot version '"
              + version
              + "' in "
              + sourceName
              + " (this ftsql reads "
              + VERSION
              + ")");
    }
    String kernelRelease = "";
    int position = Math.min(firstLineEnd + 1, text.length());
    while (position < text.length() && !text.startsWith(FILE, position)) {
      int end = lineEnd(text, position);
      String line = text.substring(position, end);
      if (line.startsWith(KERNEL + " ") || line.equals(KERNEL)) {
        kernelRelease = line.substring(KERNEL.length()).strip();
      }
      position = Math.min(end + 1, text.length());
    }
    String readme = "";
    String traceClock = "";
    TreeMap<String, String> formats = new TreeMap<>();
    while (position < text.length()) {
      int directiveEnd = lineEnd(text, position);
      String directive = text.substring(position, directiveEnd);
      int contentStart = Math.min(directiveEnd + 1, text.length());
      // The newline before the next directive is the separator the writer added.
      int next = text.indexOf("\n" + DIRECTIVE, contentStart - 1);
      int contentEnd = next < 0 ? text.length() : next + 1;
      int stop = contentEnd;
      if (contentEnd > contentStart && text.charAt(contentEnd - 1) == '\n') {
        contentEnd--;
      }
      if (directive.startsWith(FILE)) {
        String path = directive.substring(FILE.length()).strip();
        String content = text.substring(contentStart, Math.max(contentStart, contentEnd));
        if (path.equals(TracefsFiles.README)) {
          readme = content;
        } else if (path.equals(TracefsFiles.TRACE_CLOCK)) {
          traceClock = content;
        } else {
          String eventPath = eventPath(path);
          if (eventPath != null) {
            formats.put(eventPath, content);
          }
        }
      }
      position = stop;
    }
    return new TracefsFiles(kernelRelease, readme, traceClock, formats);
  }

  /** Writes {@code files} as a snapshot, README and trace_clock first, then events by path. */
  static void write(TracefsFiles files, Writer out) {
    try {
      out.write(MAGIC + " " + VERSION + "\n");
      out.write(KERNEL + " " + files.kernelRelease().strip() + "\n");
      writeFile(out, TracefsFiles.README, files.readme());
      writeFile(out, TracefsFiles.TRACE_CLOCK, files.traceClock());
      for (Map.Entry<String, String> format : files.formats().entrySet()) {
        writeFile(out, TracefsFiles.formatFile(format.getKey()), format.getValue());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeFile(Writer out, String path, String content) throws IOException {
    out.write(FILE + path + "\n");
    out.write(content);
    out.write("\n");
  }

  /** {@code system/event} for {@code events/system/event/format} of a table system, else null. */
  private static String eventPath(String path) {
    String[] parts = path.split("/");
    if (parts.length != 4
        || !parts[0].equals(TracefsFiles.EVENTS)
        || !parts[3].equals(TracefsFiles.FORMAT)
        || !TracefsFiles.isTableSystem(parts[1])) {
      return null;
    }
    return parts[1] + "/" + parts[2];
  }

  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end;
  }
}
