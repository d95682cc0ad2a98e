package dev.ftsql.sql.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The read of a snapshot through its {@code #ftsql-index} (see {@link CatalogSnapshot}), and the
 * lookup of its format texts by {@code system/event}. Only the header, the index, README and
 * trace_clock are decoded at load, a format text when it is looked up. At load the index must
 * describe the whole snapshot exactly, or the caller scans instead; a text that fails its checks on
 * lookup is taken from a scan of the whole snapshot, done once. So a wrong index never gives a
 * wrong text.
 *
 * <p>This runs interpreted on a cold JVM at every start: one pass over the index bytes, no regex,
 * no streams or lambdas on the way, and few classes (each costs a load).
 */
final class SnapshotIndex implements Function<String, String> {
  private static final byte[] FIRST_LINE =
      ascii(CatalogSnapshot.MAGIC + " " + CatalogSnapshot.VERSION + "\n");
  private static final byte[] INDEX_LINE = ascii(CatalogSnapshot.INDEX + "\n");
  private static final byte[] FILE_BYTES = ascii(CatalogSnapshot.FILE);
  private static final byte[] DIRECTIVE_BYTES = ascii(CatalogSnapshot.DIRECTIVE);
  private static final byte[] README_BYTES = ascii(TracefsFiles.README);
  private static final byte[] TRACE_CLOCK_BYTES = ascii(TracefsFiles.TRACE_CLOCK);
  private static final byte[] EVENTS_PREFIX = ascii(TracefsFiles.EVENTS + "/");
  private static final byte[] FORMAT_SUFFIX = ascii("/" + TracefsFiles.FORMAT);
  private static final byte[] FTRACE_SYSTEM = ascii(TracefsFiles.FTRACE_SYSTEM);
  /** An offset or length has at most this many digits (a snapshot is far below 2 GB). */
  private static final int MAX_DIGITS = 10;

  private final byte[] bytes;
  private final String sourceName;
  /** The event files, sorted by event path, no path twice. */
  private final Entry[] events;
  /** The event path of each of {@link #events}: the listing, and what a lookup searches. */
  private final List<String> paths;

  private volatile TracefsFiles scanned;

  private SnapshotIndex(byte[] bytes, String sourceName, Entry[] events) {
    this.bytes = bytes;
    this.sourceName = sourceName;
    this.events = events;
    String[] paths = new String[events.length];
    for (int i = 0; i < events.length; i++) {
      paths[i] = events[i].eventPath;
    }
    this.paths = Collections.unmodifiableList(Arrays.asList(paths));
  }

  /**
   * An index line {@code <offset> <length> <path>}: the file's content is {@code bytes[offset,
   * offset + length)}, its path {@code bytes[pathStart, pathEnd)}, and the line's newline is at
   * {@code pathEnd}. {@code eventPath} is the {@code system/event} of a table event's format file,
   * else null.
   *
   * <p>This class reads the fields, not the accessors: its loops run interpreted at start-up, where
   * the calls cost more than the rest of the loop (2 ms for the 1,550 entries of a kernel).
   */
  private record Entry(int offset, int length, int pathStart, int pathEnd, String eventPath) {
    /** Where the file's {@code #ftsql-file} line starts, if it names the path of this entry. */
    int directive() {
      return offset - (FILE_BYTES.length + pathEnd - pathStart + 1);
    }

    /** Where the newline that separates the content from the next file is. */
    int end() {
      return offset + length;
    }
  }

  /**
   * The contents of {@code bytes} through its index, or null when it has none or the index does
   * not describe the snapshot exactly (also every malformed header: the scan reports it).
   */
  static CatalogSnapshot.Contents read(byte[] bytes, String sourceName) {
    if (!startsWith(bytes, 0, FIRST_LINE)) {
      return null;
    }
    String kernelRelease = "";
    int position = FIRST_LINE.length;
    while (!startsWith(bytes, position, INDEX_LINE)) {
      int end = lineEnd(bytes, position);
      if (end == bytes.length || startsWith(bytes, position, FILE_BYTES)) {
        return null; // no index before the first file
      }
      String release =
          CatalogSnapshot.kernelRelease(
              new String(bytes, position, end - position, StandardCharsets.UTF_8));
      kernelRelease = release != null ? release : kernelRelease;
      position = end + 1;
    }
    position += INDEX_LINE.length;
    Entry[] entries = entries(bytes, position);
    if (entries == null) {
      return null;
    }
    int indexEnd = entries.length == 0 ? position : entries[entries.length - 1].pathEnd + 1;
    if (!filesBackToBack(bytes, indexEnd, entries)) {
      return null;
    }
    String readme = "";
    String traceClock = "";
    Entry[] events = new Entry[entries.length];
    int eventCount = 0;
    for (Entry entry : entries) {
      if (entry.eventPath != null) {
        events[eventCount++] = entry;
        continue;
      }
      boolean isReadme = isPath(bytes, entry.pathStart, entry.pathEnd, README_BYTES);
      if (isReadme || isPath(bytes, entry.pathStart, entry.pathEnd, TRACE_CLOCK_BYTES)) {
        String content = checkedText(bytes, entry);
        if (content == null) {
          return null;
        }
        if (isReadme) {
          readme = content;
        } else {
          traceClock = content;
        }
      }
    }
    events = Arrays.copyOf(events, eventCount);
    if (!sortByEventPath(events)) {
      return null; // the scan keeps the last of a path that is there twice
    }
    SnapshotIndex index = new SnapshotIndex(bytes, sourceName, events);
    return new CatalogSnapshot.Contents(
        kernelRelease, readme, traceClock, new FormatTexts.Listed(index.paths, index, sourceName));
  }

  /**
   * The lines of the index that starts at {@code position}, up to the first line that starts with
   * {@code #}; null when one is not an index line. An array, not a list: no calls per entry.
   */
  private static Entry[] entries(byte[] bytes, int position) {
    Entry[] entries = new Entry[2048];
    int count = 0;
    while (position < bytes.length && bytes[position] != '#') {
      Entry entry = entry(bytes, position);
      if (entry == null) {
        return null;
      }
      if (count == entries.length) {
        entries = Arrays.copyOf(entries, 2 * count);
      }
      entries[count++] = entry;
      position = entry.pathEnd + 1;
    }
    return Arrays.copyOf(entries, count);
  }

  /**
   * The index line {@code <offset> <length> <path>\n} at {@code position}, or null when it is not
   * one: each number at most {@link #MAX_DIGITS} digits, the path's ends printable ASCII, the
   * content and its separator inside {@code bytes}.
   */
  private static Entry entry(byte[] bytes, int position) {
    int offsetEnd = numberEnd(bytes, position);
    if (offsetEnd < 0) {
      return null;
    }
    int lengthEnd = numberEnd(bytes, offsetEnd + 1);
    if (lengthEnd < 0) {
      return null;
    }
    long offset = number(bytes, position, offsetEnd);
    long length = number(bytes, offsetEnd + 1, lengthEnd);
    int pathStart = lengthEnd + 1;
    int pathEnd = lineEnd(bytes, pathStart);
    if (pathEnd == bytes.length
        || pathEnd == pathStart
        || !CatalogSnapshot.isPathEnd(bytes[pathStart])
        || !CatalogSnapshot.isPathEnd(bytes[pathEnd - 1])
        || offset + length >= bytes.length) {
      return null;
    }
    return new Entry(
        (int) offset, (int) length, pathStart, pathEnd, eventPath(bytes, pathStart, pathEnd));
  }

  /** Where the digits at {@code from} end, at a space; -1 when there are none or too many. */
  private static int numberEnd(byte[] bytes, int from) {
    int end = from;
    while (end < bytes.length && bytes[end] >= '0' && bytes[end] <= '9') {
      end++;
    }
    boolean valid = end > from && end - from <= MAX_DIGITS && end < bytes.length;
    return valid && bytes[end] == ' ' ? end : -1;
  }

  private static long number(byte[] bytes, int from, int end) {
    long value = 0;
    for (int i = from; i < end; i++) {
      value = 10 * value + (bytes[i] - '0');
    }
    return value;
  }

  /**
   * Whether the files follow the index (which ends at {@code indexEnd}) back to back up to the
   * end, each where its entry says. Only where each directive line starts and ends is checked
   * here; that it names the entry's path, when its file is looked up.
   */
  private static boolean filesBackToBack(byte[] bytes, int indexEnd, Entry[] entries) {
    int position = indexEnd;
    for (Entry entry : entries) {
      int end = entry.end();
      if (entry.directive() != position
          || bytes[position] != '#'
          || bytes[entry.offset - 1] != '\n'
          || bytes[end] != '\n') {
        return false;
      }
      position = end + 1;
    }
    return position == bytes.length; // not, e.g., when files were appended after the indexed ones
  }

  /**
   * Sorts {@code events} by event path, unless they are already (the writer writes them so); false
   * when a path is there twice.
   */
  private static boolean sortByEventPath(Entry[] events) {
    if (isStrictlySorted(events)) {
      return true;
    }
    Arrays.sort(events, (a, b) -> a.eventPath.compareTo(b.eventPath));
    return isStrictlySorted(events);
  }

  private static boolean isStrictlySorted(Entry[] events) {
    for (int i = 1; i < events.length; i++) {
      if (events[i - 1].eventPath.compareTo(events[i].eventPath) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The format text of {@code eventPath}, or null when the index has none. A text that fails its
   * checks comes from the scan of the whole snapshot, done once.
   */
  @Override
  public String apply(String eventPath) {
    int found = Collections.binarySearch(paths, eventPath);
    if (found < 0) {
      return null;
    }
    String text = checkedText(bytes, events[found]);
    return text != null ? text : scanned().formats().get(eventPath);
  }

  private TracefsFiles scanned() {
    TracefsFiles files = scanned;
    if (files == null) {
      files = CatalogSnapshot.scan(bytes, sourceName);
      scanned = files;
    }
    return files;
  }

  /**
   * The content of {@code entry}, or null when its directive line does not name the entry's path
   * or the scan would end it early (same-length hand edits, which the checks at load cannot see).
   */
  private static String checkedText(byte[] bytes, Entry entry) {
    int directive = entry.directive();
    int pathStart = directive + FILE_BYTES.length;
    if (!startsWith(bytes, directive, FILE_BYTES)
        || !Arrays.equals(
            bytes, pathStart, entry.offset - 1, bytes, entry.pathStart, entry.pathEnd)
        || hasDirectiveLine(bytes, entry.offset, entry.length)) {
      return null;
    }
    return new String(bytes, entry.offset, entry.length, StandardCharsets.UTF_8);
  }

  /**
   * Whether the scan would end the content at {@code offset} early: a line of it, its first too,
   * starts with {@code #ftsql-}. The byte before a content is its directive's newline.
   */
  private static boolean hasDirectiveLine(byte[] bytes, int offset, int length) {
    int end = offset + length;
    for (int i = offset - 1; i < end; i++) {
      if (bytes[i] == '\n' && startsWith(bytes, i + 1, DIRECTIVE_BYTES)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code system/event} for {@code events/system/event/format} of a table system, else null: the
   * same as {@code CatalogSnapshot.eventPath(String)} for the path in {@code bytes[start, end)}.
   */
  private static String eventPath(byte[] bytes, int start, int end) {
    if (end - start < EVENTS_PREFIX.length + FORMAT_SUFFIX.length
        || !startsWith(bytes, start, EVENTS_PREFIX)
        || !startsWith(bytes, end - FORMAT_SUFFIX.length, FORMAT_SUFFIX)) {
      return null;
    }
    int from = start + EVENTS_PREFIX.length;
    int to = end - FORMAT_SUFFIX.length;
    // One slash between "events/" and "/format": four parts, the scan's split("/") too.
    int slash = -1;
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '/') {
        if (slash >= 0) {
          return null;
        }
        slash = i;
      }
      ascii &= bytes[i] >= 0;
    }
    if (slash < 0 || isPath(bytes, from, slash, FTRACE_SYSTEM)) {
      return null;
    }
    // ISO-8859-1 copies the bytes; the UTF-8 decoder would look at each again.
    return new String(
        bytes, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  private static boolean isPath(byte[] bytes, int start, int end, byte[] path) {
    return end - start == path.length && startsWith(bytes, start, path);
  }

  private static boolean startsWith(byte[] bytes, int position, byte[] prefix) {
    return position >= 0
        && position + prefix.length <= bytes.length
        && Arrays.equals(bytes, position, position + prefix.length, prefix, 0, prefix.length);
  }

  private static int lineEnd(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
