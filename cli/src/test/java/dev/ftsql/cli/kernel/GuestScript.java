package dev.ftsql.cli.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds one payload script that runs many {@link GuestCase}s in order, in a single boot. */
public final class GuestScript {
  private static final String STEP_EOF = "FTSQL_STEP_EOF";

  private GuestScript() {}

  public static String build(List<GuestCase> cases) {
    StringBuilder sh = new StringBuilder("#!/bin/sh\n").append(prelude()).append('\n');
    Set<String> names = new HashSet<>();
    for (GuestCase c : cases) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("duplicate case name: " + c.name());
      }
      appendCase(sh, c);
    }
    return sh.append("echo @@done\n").toString();
  }

  private static void appendCase(StringBuilder sh, GuestCase c) {
    sh.append("\n# ---- case ").append(c.name()).append('\n');
    sh.append("echo '@@case ").append(c.name()).append("'\n");
    section(sh, "prepare");
    c.prepare().forEach(l -> command(sh, l));
    if (!c.prepare().isEmpty()) {
      sh.append("STATE_VALID=0\n");
    }
    sh.append("clear_error_logs\nbefore_state\n");
    section(sh, "setup");
    steps(sh, "setup", c.setup());
    section(sh, "load");
    sh.append("(\n");
    // ":" keeps a case without load valid sh: an empty ( ) is a syntax error.
    sh.append(":\n");
    c.load().forEach(l -> sh.append(l).append('\n'));
    sh.append(") >/dev/null 2>&1\n");
    for (int i = 0; i < c.read().size(); i++) {
      section(sh, "read " + i);
      command(sh, c.read().get(i));
    }
    section(sh, "teardown");
    steps(sh, "teardown", c.teardown());
    section(sh, "state");
    sh.append("compare_state\n");
    section(sh, "error_log");
    sh.append("print_error_logs\n");
    section(sh, "cleanup");
    c.cleanup().forEach(l -> command(sh, l));
    if (!c.cleanup().isEmpty()) {
      sh.append("STATE_VALID=0\n");
    }
    sh.append("echo '@@end ").append(c.name()).append("'\n");
  }

  /** One command with its stderr on stdout, grouped so that {@code a && b || c} works too. */
  private static void command(StringBuilder sh, String line) {
    sh.append("{ ").append(line).append("\n} 2>&1\n");
  }

  private static void section(StringBuilder sh, String kind) {
    sh.append("echo '@@section ").append(kind).append("'\n");
  }

  /** Each line goes verbatim into a file (quoted here-doc) and runs with {@code sh}. */
  private static void steps(StringBuilder sh, String kind, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains("\n") || line.contains(STEP_EOF)) {
        throw new IllegalArgumentException("a step must be one line: " + line);
      }
      sh.append("cat >/tmp/step <<'").append(STEP_EOF).append("'\n").append(line).append('\n');
      sh.append(STEP_EOF).append('\n');
      sh.append("run_step ").append(kind).append(' ').append(i).append(" /tmp/step\n");
    }
  }

  private static String prelude() {
    try (InputStream in = GuestScript.class.getResourceAsStream("guest-prelude.sh")) {
      if (in == null) {
        throw new IllegalStateException("guest-prelude.sh is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
