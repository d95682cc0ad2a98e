package dev.ftsql.export;

import dev.ftsql.plan.TracePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as a POSIX sh script that needs nothing but BusyBox: {@code up} applies the plan's writes
 * ({@link EchoLines#setupWrites}), {@code down} the undo writes in reverse ({@link
 * EchoLines#teardownWrites}), {@code show} prints the result histogram and {@code status} says
 * whether the plan is up. The plan's part (header, names, one {@code step} line per write, one
 * {@code undo} line per undo) comes first; the rest, the same for every plan, is the resource
 * {@code script-runtime.sh}. Every piece of text from the plan or the query is single-quoted or
 * commented, so the shell never interprets it.
 */
public final class BusyBoxScript {
  private static final String INDENT = "    ";

  /** What the header says about using the script; {@code NAME.sh} is the plan's script. */
  private static final String USAGE =
      """
      #
      #   sh NAME.sh up      apply the plan (refuses when any part of it is already there)
      #   sh NAME.sh show    print its histogram
      #   sh NAME.sh status  up, down or partial, with the histogram's totals
      #   sh NAME.sh down    remove it in reverse order (safe to repeat; touches nothing else)
      #
      # Run it as root. It uses /sys/kernel/tracing, else /sys/kernel/debug/tracing, else the
      # tracefs of /proc/mounts, and mounts tracefs on /sys/kernel/tracing when none is mounted
      # (FTSQL_TRACEFS=DIR chooses another).
      #
      """;

  private BusyBoxScript() {}

  /**
   * @param sql the query, quoted in the header
   * @param target the kernel or catalog the plan was compiled for, e.g. {@code embedded 6.12
   *     (6.12.117+deb12-cloud-amd64)}
   */
  public static String render(TracePlan plan, String sql, String target) {
    List<EchoLines.Write> setup = EchoLines.setupWrites(plan);
    List<EchoLines.Write> teardown = EchoLines.teardownWrites(plan);
    List<String> out = new ArrayList<>();
    String me = plan.name() + ".sh";
    out.add("#!/bin/sh");
    out.add(
        ShellComment.line(
            me
                + ": the ftsql plan "
                + plan.name()
                + " as a script for BusyBox"
                + " (made by ftsql export)."));
    out.addAll(USAGE.replace("NAME.sh", me).lines().toList());
    out.add("# Query:");
    out.addAll(ShellComment.lines(sql.strip(), "   "));
    out.add("#");
    out.add(ShellComment.line("Compiled for: " + target));
    out.add(
        ShellComment.line(
            plan.instance()
                .map(i -> "Instance: " + i + " (instances/" + i + "/; create it before up)")
                .orElse("Instance: none (the top level of tracefs)")));
    out.add("");
    out.add("PLAN=" + ShellQuote.quote(plan.name()));
    out.add("INSTANCE=" + ShellQuote.quote(plan.instance().orElse("")));
    out.add("NSTEPS=" + setup.size());
    out.add("RESULT_STEP=" + resultStep(plan, setup));
    out.add("");
    out.add("# The plan's writes, in order: each appends its line to the file under tracefs (>>).");
    out.add("plan_up() {");
    for (int i = 0; i < setup.size(); i++) {
      EchoLines.Write w = setup.get(i);
      out.add(INDENT + ShellComment.line((i + 1) + ". " + w.step().purpose()));
      out.add(call("step", i + 1, w));
    }
    out.add("}");
    out.add("");
    out.add("# What undoes them, in reverse order.");
    out.add("plan_down() {");
    for (int i = 0; i < teardown.size(); i++) {
      EchoLines.Write w = teardown.get(i);
      int step = setup.size() - i;
      out.add(INDENT + ShellComment.line(step + ". undo: " + w.step().purpose()));
      out.add(call("undo", step, w));
    }
    out.add("}");
    out.add("");
    return String.join("\n", out) + "\n" + PackagedText.read("script-runtime.sh");
  }

  private static String call(String function, int step, EchoLines.Write w) {
    return INDENT
        + function
        + " "
        + step
        + " "
        + ShellQuote.quote(w.file())
        + " "
        + ShellQuote.quote(w.line());
  }

  /** The 1-based step whose trigger makes the result histogram. */
  private static int resultStep(TracePlan plan, List<EchoLines.Write> setup) {
    String hist = plan.root() + plan.result().histFile();
    String trigger = hist.substring(0, hist.lastIndexOf('/') + 1) + "trigger";
    for (int i = setup.size() - 1; i >= 0; i--) {
      EchoLines.Write w = setup.get(i);
      if (w.file().equals(trigger) && w.line().equals(plan.result().trigger())) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(
        "plan "
            + plan.name()
            + ": no step writes the result trigger '"
            + plan.result().trigger()
            + "' to "
            + trigger);
  }
}
