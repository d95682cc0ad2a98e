package dev.ftsql.sql.catalog;

import dev.ftsql.sql.SqlError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ftsql catalog snapshot text format: the tracefs files a catalog needs, concatenated, with an
 * index of where each file's content lies.
 *
 * <pre>
 * #ftsql-catalog v1
 * #kernel 6.12.38+deb13-cloud-amd64
 * #ftsql-index
 * 162 1432 README
 * 1619 23 trace_clock
 * 1688 815 events/sched/sched_switch/format
 * #ftsql-file README
 * (README, verbatim)
 * #ftsql-file trace_clock
 * (trace_clock, verbatim)
 * #ftsql-file events/sched/sched_switch/format
 * (the format file, verbatim)
 * </pre>
 *
 * <p>Each file's content is followed by one newline that is not part of it, so a content that does
 * or does not end in a newline round-trips exactly. A {@code #ftsql-} line this version does not
 * know (a later version's header) is skipped together with the text that follows it.
 *
 * <p>The {@code #ftsql-index} section (optional; readers that do not know it skip it as above) has
 * one line per {@code #ftsql-file}, in file order: the byte offset of the content in the UTF-8
 * bytes of the whole uncompressed snapshot, its length in bytes, and the path. It lets a reader
 * decode only the files it is asked for instead of scanning 1.2 MB for directives: {@link #read}
 * takes it ({@link SnapshotIndex}) when it describes the snapshot exactly (the index is followed
 * directly by the first file, each file follows the previous one's separator, the last one ends the
 * snapshot, and every line starts and ends where the index says) and otherwise scans the whole text
 * as {@link #parse} does, so a hand-edited or appended snapshot with a stale index still reads
 * right. On lookup, a file's directive line must name the path of its index line and its content
 * must have no line that starts with {@code #ftsql-}; if not, that file is taken from a scan of the
 * whole snapshot (an edit of the same length can get past the checks at load, never give a wrong
 * text). The writer leaves the index out when a content has such a line: the scan splits such a
 * content, and the index must never disagree with the scan.
 */
final class CatalogSnapshot {
  static final String MAGIC = "#ftsql-catalog";
  static final String VERSION = "v1";
  static final String DIRECTIVE = "#ftsql-";
  static final String FILE = "#ftsql-file ";
  static final String INDEX = "#ftsql-index";
  private static final String KERNEL = "#kernel";

  private CatalogSnapshot() {}

  /**
   * A snapshot's files as a catalog uses them: README and trace_clock decoded, the formats listed
   * and each decoded when looked up.
   */
  record Contents(String kernelRelease, String readme, String traceClock, FormatTexts formats) {
    static Contents of(TracefsFiles files) {
      return new Contents(
          files.kernelRelease(),
          files.readme(),
          files.traceClock(),
          FormatTexts.inMemory(files.formats()));
    }
  }

  /**
   * Reads the UTF-8 bytes of a snapshot: through its index when it has one that describes it
   * exactly (see the class comment), else by scanning the whole text as {@link #parse} does.
   *
   * @throws SqlError when the bytes are not a version 1 snapshot
   */
  static Contents read(byte[] bytes, String sourceName) {
    Contents indexed = SnapshotIndex.read(bytes, sourceName);
    return indexed != null ? indexed : Contents.of(scan(bytes, sourceName));
  }

  /** The scanning read of the UTF-8 bytes of a snapshot: every file split out now. */
  static TracefsFiles scan(byte[] bytes, String sourceName) {
    return parse(new String(bytes, StandardCharsets.UTF_8), sourceName);
  }

  /**
   * Splits a snapshot into its files without parsing any format.
   *
   * @throws SqlError when the text is not a version 1 snapshot
   */
  static TracefsFiles parse(String text, String sourceName) {
    Split split = split(text, sourceName);
    String readme = "";
    String traceClock = "";
    TreeMap<String, String> formats = new TreeMap<>();
    for (int i = 0; i < split.paths().size(); i++) {
      String path = split.paths().get(i);
      String content = split.contents().get(i);
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
    return new TracefsFiles(split.kernelRelease(), readme, traceClock, formats);
  }

  /**
   * A snapshot as the scan splits it.
   *
   * @param headerEnd where the first {@code #ftsql-file} line starts (or the text ends)
   * @param paths the path of every {@code #ftsql-file}, in order
   * @param contents the content of each
   * @param skipped whether a {@code #ftsql-} section this version does not know was skipped
   */
  private record Split(
      String kernelRelease,
      int headerEnd,
      List<String> paths,
      List<String> contents,
      boolean skipped) {}

  private static Split split(String text, String sourceName) {
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
      String release = kernelRelease(text.substring(position, end));
      kernelRelease = release != null ? release : kernelRelease;
      position = Math.min(end + 1, text.length());
    }
    int headerEnd = position;
    List<String> paths = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    boolean skipped = false;
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
        paths.add(directive.substring(FILE.length()).strip());
        contents.add(text.substring(contentStart, Math.max(contentStart, contentEnd)));
      } else {
        skipped = true;
      }
      position = stop;
    }
    return new Split(kernelRelease, headerEnd, paths, contents, skipped);
  }

  /**
   * The snapshot {@code bytes} rewritten with a fresh index: header lines (but an old index) and
   * every {@code #ftsql-file}, in order, byte for byte (the ones no catalog reads too).
   *
   * @throws SqlError when the bytes are not a version 1 snapshot
   * @throws IllegalArgumentException when it has a section this version does not know, which the
   *     rewrite would drop
   */
  static byte[] reindex(byte[] bytes, String sourceName) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Split split = split(text, sourceName);
    if (split.skipped()) {
      throw new IllegalArgumentException(sourceName + " has sections this version does not know");
    }
    StringBuilder header = new StringBuilder();
    boolean inIndex = false;
    for (String line : text.substring(0, split.headerEnd()).split("\n", -1)) {
      inIndex = line.equals(INDEX) || inIndex && !line.startsWith("#");
      if (!inIndex && !line.isEmpty()) {
        header.append(line).append('\n');
      }
    }
    return toBytes(header.toString(), split.paths(), split.contents());
  }

  /**
   * Writes {@code files} as a snapshot, README and trace_clock first, then events by path, with an
   * index unless a content has a line that starts with {@code #ftsql-}.
   */
  static void write(TracefsFiles files, Writer out) {
    try {
      out.write(new String(toBytes(files), StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code files} as a snapshot in UTF-8, as {@link #write(TracefsFiles, Writer)}. */
  static void write(TracefsFiles files, OutputStream out) throws IOException {
    out.write(toBytes(files));
    out.flush();
  }

  /** The UTF-8 bytes of the snapshot of {@code files}. */
  static byte[] toBytes(TracefsFiles files) {
    List<String> paths = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    paths.add(TracefsFiles.README);
    contents.add(files.readme());
    paths.add(TracefsFiles.TRACE_CLOCK);
    contents.add(files.traceClock());
    for (Map.Entry<String, String> format : files.formats().entrySet()) {
      paths.add(TracefsFiles.formatFile(format.getKey()));
      contents.add(format.getValue());
    }
    String header =
        MAGIC + " " + VERSION + "\n" + KERNEL + " " + files.kernelRelease().strip() + "\n";
    return toBytes(header, paths, contents);
  }

  /** {@code header}, the index (when the files allow one), then the files. */
  private static byte[] toBytes(String header, List<String> paths, List<String> contents) {
    byte[][] directives = new byte[paths.size()][];
    byte[][] encoded = new byte[paths.size()][];
    boolean indexable = true;
    for (int i = 0; i < paths.size(); i++) {
      directives[i] = (FILE + paths.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
      encoded[i] = contents.get(i).getBytes(StandardCharsets.UTF_8);
      indexable &= indexablePath(paths.get(i)) && !hasDirectiveLine(contents.get(i));
    }
    byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    out.writeBytes(headerBytes);
    if (indexable) {
      out.writeBytes(index(headerBytes.length, paths, directives, encoded));
    }
    for (int i = 0; i < paths.size(); i++) {
      out.writeBytes(directives[i]);
      out.writeBytes(encoded[i]);
      out.write('\n');
    }
    return out.toByteArray();
  }

  /**
   * The {@code #ftsql-index} section that starts at byte {@code start}. Its length moves every
   * offset in it, so it is rebuilt until its length is the one its offsets assumed; the length
   * only grows from one round to the next, so that ends, after two or three rounds.
   */
  private static byte[] index(
      int start, List<String> paths, byte[][] directives, byte[][] contents) {
    int assumedLength = 0;
    while (true) {
      StringBuilder index = new StringBuilder(INDEX).append('\n');
      long position = (long) start + assumedLength;
      for (int i = 0; i < paths.size(); i++) {
        position += directives[i].length;
        index.append(position).append(' ').append(contents[i].length).append(' ');
        index.append(paths.get(i)).append('\n');
        position += contents[i].length + 1;
      }
      byte[] bytes = index.toString().getBytes(StandardCharsets.UTF_8);
      if (bytes.length == assumedLength) {
        return bytes;
      }
      assumedLength = bytes.length;
    }
  }

  /** Whether the scan would end {@code content} early, at a line that starts with #ftsql-. */
  private static boolean hasDirectiveLine(String content) {
    return content.startsWith(DIRECTIVE) || content.contains("\n" + DIRECTIVE);
  }

  /** Whether the index can name {@code path}: one line, the same stripped, printable ASCII ends. */
  private static boolean indexablePath(String path) {
    return !path.isEmpty()
        && path.indexOf('\n') < 0
        && isPathEnd(path.charAt(0))
        && isPathEnd(path.charAt(path.length() - 1));
  }

  /** Whether {@code c} may start or end a path in the index: printable ASCII, not a space. */
  static boolean isPathEnd(int c) {
    return c > ' ' && c < 0x7f;
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

  /** The release a {@code #kernel} header line records, or null when {@code line} is not one. */
  static String kernelRelease(String line) {
    return line.startsWith(KERNEL + " ") || line.equals(KERNEL)
        ? line.substring(KERNEL.length()).strip()
        : null;
  }

  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end;
  }
}
