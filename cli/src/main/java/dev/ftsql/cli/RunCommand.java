package dev.ftsql.cli;

import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.tracefs.Ftsql;
import dev.ftsql.tracefs.TracefsException;
import dev.ftsql.tracefs.TracefsSession;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ftsql run}: apply QUERY, wait, print the result, take it down, also on Ctrl-C and SIGTERM.
 * The plan is recorded like {@code start}'s, so {@code ftsql stop} cleans up after a kill -9.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Apply QUERY to the live tracefs, print its result after --duration (and every --interval), then remove it.",
      "Ctrl-C or SIGTERM ends it early: the result so far is printed and the triggers removed."
    },
    footer = {
      "",
      "Examples:",
      "  ftsql run --duration 10s \"SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm ORDER BY COUNT(*) DESC LIMIT 10\"",
      "  ftsql run --interval 1s --format json -f wakeup.sql     # until Ctrl-C, one JSON document a second",
      "  ftsql run --duration 30s --bars wakeup-latency          # a built-in recipe (see 'ftsql samples')",
      "",
      "Counts accumulate from the start. If this process is killed with -9, 'ftsql stop --all' removes what it left."
    })
final class RunCommand implements Callable<Integer>, QueryCommand {
  @Mixin QueryInput input;
  @Mixin PlanChoices choices;
  @Mixin LiveOptions live;
  @Mixin ResultOptions result;

  @Option(
      names = {"-d", "--duration"},
      paramLabel = "TIME",
      converter = DurationConverter.class,
      description = "How long to run (10s, 500ms, 2m). Default: until Ctrl-C.")
  Duration duration;

  @Option(
      names = {"-i", "--interval"},
      paramLabel = "TIME",
      converter = DurationConverter.class,
      description = "Also print the result every TIME while running.")
  Duration interval;

  @Spec CommandSpec spec;

  private String sql;

  @Override
  public Integer call() {
    result.validate(spec.commandLine());
    sql = input.read(System.in);
    PlanOptions options = choices.toOptions(sql);
    Ftsql ftsql = live.open("run", false);
    TracePlan plan = ftsql.compile(sql, options);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Countdown countdown = new Countdown(err, System.console() != null, plan.name());

    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicReference<TracefsSession> applied = new AtomicReference<>();
    long pid = ProcessHandle.current().pid();
    // On SIGINT/SIGTERM the JVM runs this hook while main keeps going: main prints the result and
    // tears down; the hook waits for that, and tears down itself only if main is stuck. Registered
    // before the first write, so a signal during apply still ends with the plan removed.
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        finished.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      TracefsSession s = applied.get();
      if (s != null) {
        s.close();
      } else {
        live.plans().stopIfOwnedBy(plan.name(), pid);
      }
    }, "ftsql-teardown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      TracefsSession session = ftsql.apply(plan, Optional.of(sql), options);
      applied.set(session);
      try {
        return loop(session, stop, countdown, out, err);
      } finally {
        countdown.clear();
        session.close();
      }
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down already (a signal): the hook is running and will find the plan gone.
      }
    }
  }

  private int loop(TracefsSession session, CountDownLatch stop, Countdown countdown, PrintWriter out,
      PrintWriter err) {
    long start = System.nanoTime();
    long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
    long nextPrint = interval == null ? Long.MAX_VALUE : start + interval.toNanos();
    boolean signalled = false;
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      if (now >= nextPrint) {
        countdown.clear();
        heading(out, now - start);
        if (!printResult(session, out, err)) {
          return Main.EXIT_IO;
        }
        // A reading slower than the interval skips the readings it overran, rather than piling up.
        long after = System.nanoTime();
        while (nextPrint <= after) {
          nextPrint += interval.toNanos();
        }
        continue;
      }
      countdown.show(end == Long.MAX_VALUE ? Optional.empty() : Optional.of(Duration.ofNanos(end - now)));
      long wake = Math.min(end, nextPrint);
      long wait = wake == Long.MAX_VALUE ? TimeUnit.DAYS.toNanos(1) : wake - now;
      if (countdown.active()) {
        wait = Math.min(wait, TimeUnit.SECONDS.toNanos(1));
      }
      try {
        if (stop.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
          signalled = true;
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        signalled = true;
        break;
      }
    }
    countdown.clear();
    if (interval != null) {
      heading(out, System.nanoTime() - start);
    }
    if (!printResult(session, out, err)) {
      return Main.EXIT_IO;
    }
    if (signalled) {
      err.println("ftsql: interrupted after " + DurationConverter.format(Duration.ofNanos(System.nanoTime() - start))
          + "; removing plan " + session.name());
      err.flush();
    }
    return 0;
  }

  /** Between readings of the table format: when each was taken. csv and json stay machine-readable. */
  private void heading(PrintWriter out, long elapsedNanos) {
    if (result.format == ResultOptions.Format.table && !result.raw) {
      out.println("-- after " + String.format(java.util.Locale.ROOT, "%.1fs", elapsedNanos / 1e9));
      out.flush();
    }
  }

  private boolean printResult(TracefsSession session, PrintWriter out, PrintWriter err) {
    try {
      result.print(session, out, err);
      return true;
    } catch (TracefsException e) {
      if (!session.isApplied()) {
        err.println("ftsql: plan " + session.name() + " was stopped by another process (ftsql stop)");
        err.flush();
        return false;
      }
      throw e;
    }
  }

  @Override
  public String sqlText() {
    return sql;
  }

  /** The one-line "12s left" on a terminal; nothing at all when stdout or stdin is not one. */
  static final class Countdown {
    private final PrintWriter err;
    private final boolean tty;
    private final String name;
    private boolean shown;

    Countdown(PrintWriter err, boolean tty, String name) {
      this.err = err;
      this.tty = tty;
      this.name = name;
    }

    boolean active() {
      return tty;
    }

    void show(Optional<Duration> left) {
      if (!tty) {
        return;
      }
      String text = left.map(d -> DurationConverter.format(d.plusMillis(999)) + " left").orElse("running");
      err.print("\r\033[Kftsql: " + name + ": " + text + " (Ctrl-C stops)");
      err.flush();
      shown = true;
    }

    void clear() {
      if (shown) {
        err.print("\r\033[K");
        err.flush();
        shown = false;
      }
    }
  }
}
