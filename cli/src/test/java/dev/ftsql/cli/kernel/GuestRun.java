package dev.ftsql.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.function.Executable;

/** One boot's results: the payload's output split into per-case {@link CaseOutput}s. */
public final class GuestRun {
  private final String kernel;
  private final String stdout;
  private final Path stdoutFile;
  private final String stderr;
  private final int exitStatus;
  private final Duration elapsed;
  private final Map<String, CaseOutput> cases = new LinkedHashMap<>();

  GuestRun(
      String kernel,
      String stdout,
      Path stdoutFile,
      String stderr,
      int exitStatus,
      Duration elapsed) {
    this.kernel = kernel;
    this.stdout = stdout;
    this.stdoutFile = stdoutFile;
    this.stderr = stderr;
    this.exitStatus = exitStatus;
    this.elapsed = elapsed;
    parse();
  }

  public String kernel() {
    return kernel;
  }

  /** Where the payload's whole output is kept. */
  public Path stdoutFile() {
    return stdoutFile;
  }

  public int exitStatus() {
    return exitStatus;
  }

  public Duration elapsed() {
    return elapsed;
  }

  /** Whether the payload ran to its end (its last line is the done marker). */
  public boolean finished() {
    return stdout.contains("\n@@done") || stdout.startsWith("@@done");
  }

  /** The test each boot's tests start with: the payload ran to its end and exited 0. */
  public DynamicNode ranToEnd() {
    return dynamicTest(
        "the payload ran to its end",
        () -> {
          assertThat(finished()).as("see %s", stdoutFile).isTrue();
          assertThat(exitStatus).as("payload exit status").isZero();
        });
  }

  /**
   * {@code check}, with a failure that names the kernel, the case and where the guest's output is:
   * reports show only indices.
   */
  public Executable inContext(String caseName, Executable check) {
    return inContext(caseName, "", check);
  }

  /** Like {@link #inContext(String, Executable)}, naming the query too. */
  public Executable inContext(String caseName, String sql, Executable check) {
    return () -> {
      try {
        check.execute();
      } catch (AssertionError e) {
        AssertionError named =
            new AssertionError(
                String.format(
                    "kernel %s, case %s%s%n(guest output: %s)%n%s",
                    kernel, caseName, sql.isEmpty() ? "" : ": " + sql, stdoutFile, e.getMessage()),
                e.getCause());
        named.setStackTrace(e.getStackTrace());
        throw named;
      }
    };
  }

  /** The case's output; fails with the end of the console when the guest never got there. */
  public CaseOutput get(String name) {
    CaseOutput c = cases.get(name);
    if (c == null) {
      throw new AssertionError(
          "kernel "
              + kernel
              + ": no output for case "
              + name
              + " (exit "
              + exitStatus
              + ")\n"
              + tail(stdout, 40)
              + "\nstderr:\n"
              + tail(stderr, 20));
    }
    return c;
  }

  private void parse() {
    String name = null;
    String section = null;
    Map<String, StringBuilder> sections = new LinkedHashMap<>();
    Map<String, List<Integer>> statuses = new LinkedHashMap<>();
    Optional<Boolean> same = Optional.empty();
    for (String line : stdout.split("\n", -1)) {
      if (line.startsWith("@@case ")) {
        if (name != null) {
          cases.put(name, caseOutput(name, sections, statuses, same, false));
        }
        name = line.substring("@@case ".length());
        section = null;
        sections = new LinkedHashMap<>();
        statuses = new LinkedHashMap<>();
        same = Optional.empty();
      } else if (name == null) {
        continue;
      } else if (line.startsWith("@@section ")) {
        section = line.substring("@@section ".length());
        sections.put(section, new StringBuilder());
      } else if (line.startsWith("@@status ")) {
        String[] f = line.split(" ");
        statuses.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Integer.parseInt(f[3]));
        sections.get(section).append(line).append('\n');
      } else if (line.startsWith("@@state ")) {
        same = Optional.of(line.equals("@@state same"));
        sections.get(section).append(line).append('\n');
      } else if (line.equals("@@end " + name)) {
        cases.put(name, caseOutput(name, sections, statuses, same, true));
        name = null;
      } else if (section != null) {
        sections.get(section).append(line).append('\n');
      }
    }
    if (name != null) {
      cases.put(name, caseOutput(name, sections, statuses, same, false));
    }
  }

  private static CaseOutput caseOutput(
      String name,
      Map<String, StringBuilder> sections,
      Map<String, List<Integer>> statuses,
      Optional<Boolean> same,
      boolean complete) {
    Map<String, String> text = new LinkedHashMap<>();
    sections.forEach((k, v) -> text.put(k, v.toString()));
    Map<String, List<Integer>> st = new LinkedHashMap<>();
    statuses.forEach((k, v) -> st.put(k, List.copyOf(v)));
    return new CaseOutput(name, text, st, same, complete);
  }

  static String tail(String text, int lines) {
    String[] all = text.split("\n", -1);
    return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
  }
}
