package dev.ftsql.tracefs;

import dev.ftsql.plan.ResultSpec;
import dev.ftsql.tracefs.result.ResultReader;
import dev.ftsql.tracefs.result.ResultTable;
import java.io.IOException;
import java.util.Optional;

/**
 * A plan applied to a tracefs: read its result as often as you like, then {@link #close()} it to
 * take it down again. Closing twice, or after {@code ftsql stop} took the plan down from elsewhere,
 * does nothing.
 *
 * <pre>{@code
 * try (TracefsSession s = Ftsql.open().apply(sql)) {
 *   Thread.sleep(1000);
 *   ResultTable t = s.read();
 * }
 * }</pre>
 */
public final class TracefsSession implements AutoCloseable {
  private final Tracefs fs;
  private final StateDir state;
  private final String name;
  private final String histFile;
  private final Optional<ResultSpec> result;
  private boolean closed;

  TracefsSession(Tracefs fs, StateDir state, String name, String histFile, Optional<ResultSpec> result) {
    this.fs = fs;
    this.state = state;
    this.name = name;
    this.histFile = histFile;
    this.result = result;
  }

  /** The plan's name: its state file, and the name for {@code ftsql show} and {@code ftsql stop}. */
  public String name() {
    return name;
  }

  /** The result's {@code hist} file, relative to the tracefs root. */
  public String histFile() {
    return histFile;
  }

  /** Whether the plan is still applied (not closed here, nor stopped by another process). */
  public synchronized boolean isApplied() {
    return !closed && state.find(name).isPresent();
  }

  /** The raw text of the result's {@code hist} file (every histogram on that event). */
  public String histText() {
    try {
      return fs.read(histFile);
    } catch (IOException e) {
      throw new TracefsException(isApplied() ? "cannot read " + fs.root().resolve(histFile) + ": " + e.getMessage()
          : "plan " + name + " is no longer applied", e);
    }
  }

  /**
   * The result now: the plan's histogram read, and what the kernel cannot do (AVG, HAVING, the full
   * ORDER BY, LIMIT) applied. Counts accumulate from the moment the plan was applied.
   */
  public ResultTable read() {
    ResultSpec spec = result.orElseThrow(() -> new TracefsException("plan " + name
        + " was recorded without its SQL: only its raw histogram (histText()) can be read"));
    String text = histText();
    try {
      return ResultReader.read(spec, text);
    } catch (RuntimeException e) {
      if (!isApplied()) {
        throw new TracefsException("plan " + name + " is no longer applied", e);
      }
      throw e;
    }
  }

  /**
   * Takes the plan down (the undo lines of what was written, in reverse order) and forgets it. A
   * plan another process already stopped is left alone.
   *
   * @throws TracefsException when some change could not be undone; the plan then stays recorded,
   *     for {@code ftsql stop}
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    PlanTeardown.Result r = AppliedPlans.teardown(fs, state, name).orElse(null);
    closed = true;
    if (r != null && !r.clean()) {
      throw new TracefsException("could not take plan " + name + " down completely:\n  "
          + String.join("\n  ", r.failures()) + "\nit stays recorded; retry with: ftsql stop " + name);
    }
  }
}
