package dev.ftsql.export;

import dev.ftsql.plan.TracePlan;
import java.util.List;

/**
 * A plan as a POSIX sh script that needs nothing but BusyBox: {@code up} applies the plan's writes
 * ({@link EchoLines#setupWrites}), {@code down} the undo writes in reverse ({@link
 * EchoLines#teardownWrites}), {@code show} prints the result histogram and {@code status} says
 * whether the plan is up. The plan-specific part (header, names, one {@code step} line per write,
 * one {@code undo} line per undo) comes first; the rest, the same for every plan, is the resource
 * {@code script-runtime.sh}. Every piece of text from the plan or the query is single-quoted or
 * commented, so the shell never interprets it.
 */
public final class BusyBoxScript {
  private static final String INDENT = "    ";

  private BusyBoxScript() {}

  /**
   * @param sql the query, quoted in the header
   * @param target the kernel or catalog the plan was compiled for, e.g. {@code embedded 6.12
   *     (6.12.117+deb12-cloud-amd64)}
   */
  public static String render(TracePlan plan, String sql, String target) {
    List<EchoLines.Write> setup = EchoLines.setupWrites(plan);
    List<EchoLines.Write> teardown = EchoLines.teardownWrites(plan);
    StringBuilder sh = new StringBuilder();
    header(sh, plan, sql, target);
    sh.append('\n')
        .append("PLAN=").append(ShellQuote.quote(plan.name())).append('\n')
        .append("INSTANCE=").append(ShellQuote.quote(plan.instance().orElse(""))).append('\n')
        .append("NSTEPS=").append(setup.size()).append('\n')
        .append("RESULT_STEP=").append(resultStep(plan, setup)).append('\n');

    sh.append("\n# The plan's writes, in order: each appends its line to the file under tracefs (>>).\n");
    sh.append("plan_up() {\n");
    for (int i = 0; i < setup.size(); i++) {
      EchoLines.Write w = setup.get(i);
      sh.append(INDENT).append(ShellComment.line((i + 1) + ". " + w.step().purpose())).append('\n');
      call(sh, "step", i + 1, w);
    }
    sh.append("}\n");

    sh.append("\n# What undoes them, in reverse order.\n");
    sh.append("plan_down() {\n");
    for (int i = 0; i < teardown.size(); i++) {
      EchoLines.Write w = teardown.get(i);
      int index = setup.size() - i;
      sh.append(INDENT).append(ShellComment.line(index + ". undo: " + w.step().purpose())).append('\n');
      call(sh, "undo", index, w);
    }
    sh.append("}\n\n");
    return sh.append(PackagedText.read("script-runtime.sh")).toString();
  }

  private static void header(StringBuilder sh, TracePlan plan, String sql, String target) {
    String me = plan.name() + ".sh";
    sh.append("#!/bin/sh\n")
        .append("# ").append(me).append(": the ftsql plan ").append(plan.name())
        .append(" as a script for BusyBox (made by ftsql export).\n")
        .append("#\n")
        .append("#   sh ").append(me).append(" up      apply the plan (refuses when any part of it is already there)\n")
        .append("#   sh ").append(me).append(" show    print its histogram\n")
        .append("#   sh ").append(me).append(" status  up, down or partial, with the histogram's totals\n")
        .append("#   sh ").append(me).append(" down    remove it in reverse order (safe to repeat; touches nothing else)\n")
        .append("#\n")
        .append("# Run it as root. It uses /sys/kernel/tracing, else /sys/kernel/debug/tracing, else the\n")
        .append("# tracefs of /proc/mounts, and mounts tracefs on /sys/kernel/tracing when none is mounted\n")
        .append("# (FTSQL_TRACEFS=DIR chooses another).\n")
        .append("#\n")
        .append("# Query:\n");
    ShellComment.lines(sql.strip(), "   ").forEach(l -> sh.append(l).append('\n'));
    sh.append("#\n").append(ShellComment.line("Compiled for: " + target)).append('\n');
    sh.append(
            ShellComment.line(
                plan.instance()
                    .map(i -> "Instance: " + i + " (instances/" + i + "/; create it before up)")
                    .orElse("Instance: none (the top level of tracefs)")))
        .append('\n');
  }

  private static void call(StringBuilder sh, String function, int index, EchoLines.Write w) {
    sh.append(INDENT)
        .append(function)
        .append(' ')
        .append(index)
        .append(' ')
        .append(ShellQuote.quote(w.file()))
        .append(' ')
        .append(ShellQuote.quote(w.line()))
        .append('\n');
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
        "plan " + plan.name() + ": no step writes the result trigger '" + plan.result().trigger()
            + "' to " + trigger);
  }
}
