package dev.ftsql.sql.catalog;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The raw text of the tracefs files a catalog is made of, as read from a tracefs or a snapshot and
 * before any format is parsed.
 *
 * @param kernelRelease {@code uname -r} of the captured kernel, empty when unknown
 * @param readme the {@code README} text, verbatim (empty when absent)
 * @param traceClock the {@code trace_clock} text, verbatim (empty when absent)
 * @param formats {@code system/event} to the verbatim text of its {@code format} file, sorted
 */
record TracefsFiles(
    String kernelRelease, String readme, String traceClock, SortedMap<String, String> formats) {
  /** Events of this system are the function tracers' record layouts, not traceable tables. */
  static final String FTRACE_SYSTEM = "ftrace";

  static final String README = "README";
  static final String TRACE_CLOCK = "trace_clock";
  static final String EVENTS = "events";
  static final String FORMAT = "format";

  TracefsFiles {
    formats = Collections.unmodifiableSortedMap(new TreeMap<>(formats));
  }

  /** Whether events of {@code system} belong in a catalog. */
  static boolean isTableSystem(String system) {
    return !system.equals(FTRACE_SYSTEM);
  }

  /** {@code events/<system>/<event>/format} for a {@code system/event} key. */
  static String formatFile(String eventPath) {
    return EVENTS + "/" + eventPath + "/" + FORMAT;
  }
}
