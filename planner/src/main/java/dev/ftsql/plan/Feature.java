package dev.ftsql.plan;

/** Hist-trigger features that differ between kernels. */
public enum Feature {
  HIST_TRIGGERS("hist triggers (CONFIG_HIST_TRIGGERS)"),
  BUCKETS(".buckets=N keys (Linux 6.0)"),
  COMMON_STACKTRACE("the common_stacktrace field name (Linux 6.4; older kernels call it stacktrace)"),
  COMMON_CPU_FILTER("common_cpu in event filters (Linux 6.0)"),
  SYNTHETIC_EVENTS("synthetic events (CONFIG_SYNTH_EVENTS)"),
  ONMAX("onmax() handlers"),
  TRACE_ACTION("the trace(<synthetic_event>,...) action (Linux 5.2)"),
  SNAPSHOT("snapshots (CONFIG_TRACER_SNAPSHOT)"),
  STACKTRACE_VARIABLES("stack traces in variables and synthetic events (Linux 6.3)");

  private final String description;

  Feature(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
