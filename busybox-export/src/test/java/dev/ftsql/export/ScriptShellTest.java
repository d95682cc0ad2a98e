package dev.ftsql.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.plan.PlanOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The script's logic against a fake tracefs (plain files) with dash and with BusyBox sh, where
 * every command is a BusyBox applet. Plain files do not act like the kernel (a {@code !} line
 * removes nothing), so this is a quick check of the shell, not the proof; RealKernelExportTest is.
 */
class ScriptShellTest {
  private static final List<String> APPLETS =
      List.of("awk", "cat", "grep", "sed", "tail", "mount", "ls", "mkdir", "rm", "touch", "chmod");

  @TempDir Path tmp;

  record Shell(String name, List<String> command, String path) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Run(int exit, String out, String err) {}

  static Stream<Shell> shells() {
    List<Shell> all = new ArrayList<>();
    for (String dash : List.of("/usr/bin/dash", "/bin/dash")) {
      if (Files.isExecutable(Path.of(dash))) {
        all.add(new Shell("dash", List.of(dash), System.getenv("PATH")));
        break;
      }
    }
    for (String busybox : List.of("/bin/busybox", "/usr/bin/busybox")) {
      if (Files.isExecutable(Path.of(busybox))) {
        all.add(new Shell("busybox", List.of(busybox, "sh"), busybox));
        break;
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("shells")
  void joinUpStatusShowDown(Shell shell) throws IOException {
    ExportedPlan p = ExportedPlan.of(ExportedPlan.JOIN);
    Path t = fakeTracefs(true);
    Files.createDirectories(t.resolve("events/synthetic/wakeup"));
    Files.writeString(t.resolve("events/synthetic/wakeup/trigger"), TRIGGER_HEADER);
    Map<String, String> before = files(t);

    Run up = run(shell, p, t, "up");
    assertThat(up.exit()).as(up.err()).isZero();
    assertThat(up.out()).contains("up: 4 steps applied in " + t);
    List<EchoLines.Write> writes = EchoLines.setupWrites(p.plan());
    for (EchoLines.Write w : writes) {
      assertThat(Files.readString(t.resolve(w.file()))).endsWith(w.line() + "\n");
    }
    assertThat(Files.readString(t.resolve("synthetic_events")))
        .isEqualTo(writes.get(0).line() + "\n");
    Map<String, String> afterUp = files(t);

    Run again = run(shell, p, t, "up");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already up in " + t + "; nothing changed");
    assertThat(files(t)).isEqualTo(afterUp);

    // The kernel's rendering of the result trigger, after another histogram on the event.
    Files.writeString(
        t.resolve("events/synthetic/wakeup/hist"),
        hist(
                "hist:keys=comm:vals=hitcount:sort=hitcount:size=2048 [active]",
                "{ comm: sh } hitcount: 9",
                9)
            + "\n\n"
            + hist(
                "hist:keys=comm,lat.log2:vals=hitcount:sort=hitcount:size=2048 [active]",
                "{ comm: yes, lat: ~ 2^10 } hitcount: 3",
                4));
    Run status = run(shell, p, t, "status");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out())
        .contains(p.plan().name() + ": up (4 steps in " + t + ")")
        .contains("  Hits: 4\n  Entries: 1\n  Dropped: 0\n")
        .doesNotContain("Hits: 9");
    Run show = run(shell, p, t, "show");
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out())
        .startsWith("# event histogram\n#\n# trigger info: hist:keys=comm,lat.log2:")
        .contains("{ comm: yes, lat: ~ 2^10 } hitcount: 3")
        .doesNotContain("comm: sh");

    // Plain files keep the lines, so down writes every undo line and then finds them still there.
    Run down = run(shell, p, t, "down");
    for (EchoLines.Write w : EchoLines.teardownWrites(p.plan())) {
      assertThat(Files.readString(t.resolve(w.file()))).contains(w.line() + "\n");
    }
    assertThat(down.exit()).isEqualTo(1);
    assertThat(down.err()).contains("steps 1 2 3 4 are still in");

    // As the kernel leaves it after down: nothing of the plan. Down and status write nothing.
    restore(t, before);
    Files.writeString(
        t.resolve("events/synthetic/wakeup/hist"),
        hist(
            "hist:keys=comm:vals=hitcount:sort=hitcount:size=2048 [active]",
            "{ comm: sh } hitcount: 9",
            9));
    Run down2 = run(shell, p, t, "down");
    assertThat(down2.exit()).as(down2.err()).isZero();
    assertThat(down2.out()).contains("down: none of it is in " + t);
    Run status2 = run(shell, p, t, "status");
    assertThat(status2.exit()).isEqualTo(3);
    assertThat(status2.out()).contains(p.plan().name() + ": down");
    Run show2 = run(shell, p, t, "show");
    assertThat(show2.exit()).isEqualTo(1);
    assertThat(show2.err()).contains("not up");
    assertThat(files(t)).isEqualTo(filesWithHist(before, t));

    // Only the synthetic event: partial, and up refuses.
    Files.writeString(t.resolve("synthetic_events"), "wakeup\tchar[16] comm; u64 lat\n");
    Run partial = run(shell, p, t, "status");
    assertThat(partial.exit()).isEqualTo(4);
    assertThat(partial.out()).contains("partial: steps 1 of 4 are in");
    Run up3 = run(shell, p, t, "up");
    assertThat(up3.exit()).isEqualTo(1);
    assertThat(up3.err()).contains("partly up: steps 1 of 4");
  }

  @ParameterizedTest
  @MethodSource("shells")
  void aFailedStepRollsBackWhatWasApplied(Shell shell) throws IOException {
    ExportedPlan p = ExportedPlan.of(ExportedPlan.JOIN);
    Path t = fakeTracefs(true);
    Files.createDirectories(t.resolve("events/synthetic/wakeup"));
    Files.writeString(t.resolve("events/synthetic/wakeup/trigger"), TRIGGER_HEADER);
    List<EchoLines.Write> writes = EchoLines.setupWrites(p.plan());
    List<EchoLines.Write> undo = EchoLines.teardownWrites(p.plan());
    int n = writes.size();
    // The last write cannot be done: its file is a directory.
    EchoLines.Write last = writes.get(n - 1);
    Path lastFile = t.resolve(last.file());
    Files.delete(lastFile);
    Files.createDirectory(lastFile);
    Run up = run(shell, p, t, "up");
    assertThat(up.exit()).isEqualTo(1);
    assertThat(up.err())
        .contains("step " + n + " failed")
        .contains("  file: " + lastFile)
        .contains("  line: " + last.line())
        .contains("removed the " + (n - 1) + " steps it had applied");
    for (int i = 0; i < n - 1; i++) {
      // Each file got the step's line, then its undo line.
      assertThat(Files.readString(t.resolve(writes.get(i).file())))
          .endsWith(writes.get(i).line() + "\n" + undo.get(n - 1 - i).line() + "\n");
    }
  }

  @ParameterizedTest
  @MethodSource("shells")
  void theErrorLogTailIsShown(Shell shell) throws IOException {
    ExportedPlan p = ExportedPlan.of(ExportedPlan.SINGLE);
    Path t = fakeTracefs(true);
    Files.writeString(t.resolve("error_log"), "[ 1.0] old: error: old\n  Command: old\n  ^\n");
    // A trigger file that cannot be written; error_log does not change, so its old entry is not
    // shown as if it explained this failure.
    Path trigger = t.resolve("events/sched/sched_switch/trigger");
    Files.delete(trigger);
    Files.createDirectory(trigger);
    Run up = run(shell, p, t, "up");
    assertThat(up.exit()).isEqualTo(1);
    assertThat(up.err()).contains("step 1 failed").doesNotContain("old: error");
  }

  @ParameterizedTest
  @MethodSource("shells")
  void refusesWhenTheKernelLacksSomething(Shell shell) throws IOException {
    ExportedPlan chain = ExportedPlan.of(ExportedPlan.CHAIN);
    Path t = fakeTracefs(false);
    deleteTree(t.resolve("events/timer"));
    Map<String, String> before = files(t);
    Run up = run(shell, chain, t, "up");
    assertThat(up.exit()).isEqualTo(1);
    assertThat(up.err())
        .contains("this kernel lacks what the plan needs; nothing changed:")
        .contains("  " + t + "/synthetic_events (a kernel without synthetic events")
        .contains(
            "  event timer/hrtimer_expire_entry (no " + t + "/events/timer/hrtimer_expire_entry)")
        .doesNotContain("event synthetic/");
    assertThat(files(t)).isEqualTo(before);

    // Without hist triggers in README.
    Files.writeString(t.resolve("README"), "tracing mini-HOWTO:\n");
    Run noHist = run(shell, ExportedPlan.of(ExportedPlan.SINGLE), t, "up");
    assertThat(noHist.exit()).isEqualTo(1);
    assertThat(noHist.err()).contains("this kernel has no hist triggers");
    assertThat(files(t))
        .isEqualTo(
            before.entrySet().stream()
                .collect(
                    TreeMap::new,
                    (m, e) ->
                        m.put(
                            e.getKey(),
                            e.getKey().equals("README") ? "tracing mini-HOWTO:\n" : e.getValue()),
                    Map::putAll));

    // A single-event plan needs no synthetic_events.
    Files.writeString(t.resolve("README"), README);
    Run single = run(shell, ExportedPlan.of(ExportedPlan.SINGLE), t, "up");
    assertThat(single.exit()).as(single.err()).isZero();

    // An instance must exist.
    ExportedPlan inInstance =
        ExportedPlan.of("6.12", ExportedPlan.SINGLE, PlanOptions.defaults().withInstance("lat"));
    Run noInstance = run(shell, inInstance, t, "up");
    assertThat(noInstance.exit()).isEqualTo(1);
    assertThat(noInstance.err())
        .contains(
            "there is no tracing instance lat; create it first: mkdir " + t + "/instances/lat");
  }

  @ParameterizedTest
  @MethodSource("shells")
  void findsItsTriggerAmongTheKernelsRendering(Shell shell) throws IOException {
    ExportedPlan p = ExportedPlan.of(ExportedPlan.SINGLE);
    Path t = fakeTracefs(true);
    Path trigger = t.resolve("events/sched/sched_switch/trigger");
    // Another trigger with the same keys is not this plan's.
    Files.writeString(
        trigger,
        TRIGGER_HEADER
            + "hist:keys=next_comm:vals=hitcount,prev_prio:sort=hitcount:size=2048 [active]\n");
    assertThat(run(shell, p, t, "status").exit()).isEqualTo(3);
    Files.writeString(
        trigger,
        Files.readString(trigger)
            + "hist:keys=next_comm:vals=hitcount:sort=hitcount:size=2048 [paused]\n");
    Run status = run(shell, p, t, "status");
    assertThat(status.exit()).isZero();

    // A join trigger is found by its first variable, however the kernel orders the rest.
    ExportedPlan join = ExportedPlan.of(ExportedPlan.JOIN);
    List<EchoLines.Write> joinWrites = EchoLines.setupWrites(join.plan());
    EchoLines.Write startWrite =
        joinWrites.stream()
            .filter(w -> w.file().equals("events/sched/sched_waking/trigger"))
            .findFirst()
            .orElseThrow();
    String start = startWrite.line(); // hist:keys=pid:V=common_timestamp
    int at = start.indexOf(":ftsql_") + 1;
    String var = start.substring(at, start.indexOf('=', at));
    Path waking = t.resolve("events/sched/sched_waking/trigger");
    Files.writeString(
        waking,
        TRIGGER_HEADER
            + "hist:keys=pid:vals=hitcount:other_"
            + var
            + "=common_timestamp:sort=hitcount:size=2048:clock=global [active]\n");
    assertThat(run(shell, join, t, "status").out()).contains("down");
    Files.writeString(
        waking,
        TRIGGER_HEADER
            + "hist:keys=pid:vals=hitcount:"
            + var
            + "=common_timestamp:sort=hitcount:size=2048:clock=global [active]\n");
    assertThat(run(shell, join, t, "status").out())
        .contains("partial: steps " + (joinWrites.indexOf(startWrite) + 1) + " of 4");
  }

  @ParameterizedTest
  @MethodSource("shells")
  void nothingInTheQueryRuns(Shell shell) throws IOException {
    Path victim = tmp.resolve("p");
    String sql =
        "SELECT next_comm, COUNT(*) -- $(touch "
            + victim
            + ")\n"
            + "/*\ntouch "
            + victim
            + "\r touch "
            + victim
            + "\u2028 touch "
            + victim
            + "\u0085touch "
            + victim
            + "\n*/ FROM sched_switch WHERE next_comm = 'x''; touch "
            + victim
            + "; echo ''' GROUP BY next_comm";
    ExportedPlan p = ExportedPlan.of(sql);
    assertThat(p.script()).contains("touch " + victim + "; echo");
    Path t = fakeTracefs(true);
    for (String command : List.of("up", "status", "show", "down", "help", "bad")) {
      run(shell, p, t, command);
    }
    assertThat(victim).doesNotExist();
    assertThat(Files.readString(t.resolve("events/sched/sched_switch/trigger")))
        .contains("hist:keys=next_comm if next_comm == \"x'; touch " + victim + "; echo '\"\n");
  }

  @ParameterizedTest
  @MethodSource("shells")
  void usage(Shell shell) throws IOException {
    ExportedPlan p = ExportedPlan.of(ExportedPlan.SINGLE);
    Path t = fakeTracefs(true);
    Run bad = run(shell, p, t, "sideways");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("up|down|show|status");
    Run help = run(shell, p, t, "help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("status  up, down or partial");
  }

  // --- fake tracefs --------------------------------------------------------------------------

  private static final String README =
      "tracing mini-HOWTO:\n  hist trigger\t- When set, aggregates...\n";
  private static final String TRIGGER_HEADER =
      "# Available triggers:\n"
          + "# traceon traceoff snapshot stacktrace enable_event disable_event enable_hist"
          + " disable_hist hist\n";

  private Path fakeTracefs(boolean synthetic) throws IOException {
    Path t = tmp.resolve("tracing");
    Files.createDirectories(t);
    Files.writeString(t.resolve("README"), README);
    Files.writeString(t.resolve("error_log"), "");
    if (synthetic) {
      Files.writeString(t.resolve("synthetic_events"), "");
    }
    for (String e :
        List.of("sched/sched_switch", "sched/sched_waking", "timer/hrtimer_expire_entry")) {
      Files.createDirectories(t.resolve("events/" + e));
      Files.writeString(t.resolve("events/" + e + "/trigger"), TRIGGER_HEADER);
    }
    return t;
  }

  private static String hist(String info, String entry, int hits) {
    return "# event histogram\n#\n# trigger info: "
        + info
        + "\n#\n\n"
        + entry
        + "\n\nTotals:\n    Hits: "
        + hits
        + "\n    Entries: 1\n    Dropped: 0\n";
  }

  private Run run(Shell shell, ExportedPlan p, Path tracefs, String command) throws IOException {
    Path script = tmp.resolve(p.plan().name() + ".sh");
    Files.writeString(script, p.script());
    List<String> cmd = new ArrayList<>(shell.command());
    cmd.add(script.toString());
    cmd.add(command);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("FTSQL_TRACEFS", tracefs.toString());
    pb.environment().put("PATH", binDir(shell));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    try {
      Process proc = pb.start();
      assertThat(proc.waitFor(30, TimeUnit.SECONDS)).as("%s %s ended", shell, command).isTrue();
      return new Run(proc.exitValue(), Files.readString(out), Files.readString(err));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** For BusyBox: a PATH where every command is a BusyBox applet. */
  private String binDir(Shell shell) throws IOException {
    if (!shell.name().equals("busybox")) {
      return shell.path();
    }
    Path bin = tmp.resolve("bin");
    if (!Files.isDirectory(bin)) {
      Files.createDirectories(bin);
      for (String applet : APPLETS) {
        Files.createSymbolicLink(bin.resolve(applet), Path.of(shell.path()));
      }
    }
    return bin.toString();
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        all.put(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return all;
  }

  private static Map<String, String> filesWithHist(Map<String, String> before, Path t)
      throws IOException {
    Map<String, String> m = new TreeMap<>(before);
    m.put(
        "events/synthetic/wakeup/hist",
        Files.readString(t.resolve("events/synthetic/wakeup/hist")));
    return m;
  }

  private static void restore(Path root, Map<String, String> state) throws IOException {
    for (Map.Entry<String, String> e : state.entrySet()) {
      Files.writeString(root.resolve(e.getKey()), e.getValue());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
