package dev.ftsql.plan;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.EventCatalog;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a target kernel supports, and its limits. Built from the tracefs README (the kernel's own
 * list of what it can do) and, where the README is silent, from the kernel version.
 *
 * @param description for messages: the catalog's source and release
 * @param features what the kernel has
 */
public record KernelProfile(String description, Set<Feature> features) {
  /** {@code TRACING_MAP_KEYS_MAX}. */
  public static final int MAX_KEYS = 3;
  /** {@code TRACING_MAP_VALS_MAX} less hitcount. */
  public static final int MAX_VALUES = 2;
  /** {@code TRACING_MAP_SORT_KEYS_MAX}. */
  public static final int MAX_SORT_KEYS = 2;
  /** {@code HIST_KEY_SIZE_MAX}: 256 + 16 * 8 bytes. */
  public static final int MAX_KEY_BYTES = 384;
  /** {@code TRACING_MAP_VARS_MAX}. */
  public static final int MAX_VARIABLES = 16;
  /** Table size range (rounded up to a power of two by the kernel). */
  public static final int MIN_SIZE = 128;

  public static final int MAX_SIZE = 131072;
  /** A trigger write must fit in one page. */
  public static final int MAX_LINE = 4095;

  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  public KernelProfile {
    features = Set.copyOf(features);
  }

  public static KernelProfile of(EventCatalog catalog) {
    String readme = catalog.readme();
    Matcher m = VERSION.matcher(catalog.kernelRelease());
    int version = m.find() ? Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2)) : -1;
    Set<Feature> f = EnumSet.noneOf(Feature.class);
    boolean unknownVersion = version < 0;
    if (readme.isEmpty() || readme.contains("hist trigger") || readme.contains("hist:keys")) {
      f.add(Feature.HIST_TRIGGERS);
    }
    if (readme.contains(".buckets") || atLeast(version, 6, 0) || unknownVersion && readme.isEmpty()) {
      f.add(Feature.BUCKETS);
    }
    if (readme.contains("common_stacktrace") || atLeast(version, 6, 4)) {
      f.add(Feature.COMMON_STACKTRACE);
    }
    if (atLeast(version, 6, 0) || unknownVersion) {
      f.add(Feature.COMMON_CPU_FILTER);
    }
    if (readme.isEmpty() || readme.contains("synthetic_events")) {
      f.add(Feature.SYNTHETIC_EVENTS);
    }
    if (readme.isEmpty() || readme.contains("onmax")) {
      f.add(Feature.ONMAX);
    }
    if (readme.isEmpty() || readme.contains("trace(<synthetic_event>,param list)")) {
      f.add(Feature.TRACE_ACTION);
    }
    if (readme.isEmpty() || readme.contains("snapshot")) {
      f.add(Feature.SNAPSHOT);
    }
    if (atLeast(version, 6, 3) || readme.contains("common_stacktrace")) {
      f.add(Feature.STACKTRACE_VARIABLES);
    }
    String release = catalog.kernelRelease().isEmpty() ? "" : " (" + catalog.kernelRelease() + ")";
    return new KernelProfile(catalog.source() + release, f);
  }

  private static boolean atLeast(int version, int major, int minor) {
    return version >= major * 1000 + minor;
  }

  public boolean has(Feature feature) {
    return features.contains(feature);
  }

  /** Refuses a feature the target lacks, naming what is missing and where in the SQL it is used. */
  public void require(Feature feature, SourceSpan usedAt) {
    if (!has(feature)) {
      throw new SqlError("the target kernel lacks " + feature.description() + ": " + description, usedAt);
    }
  }

  /** The kernel's name for the stack-trace pseudo-field. */
  public String stacktraceField() {
    return has(Feature.COMMON_STACKTRACE) ? "common_stacktrace" : "stacktrace";
  }

  /** The filter's name for the CPU pseudo-field. */
  public String cpuFilterField() {
    return has(Feature.COMMON_CPU_FILTER) ? "common_cpu" : "cpu";
  }
}
