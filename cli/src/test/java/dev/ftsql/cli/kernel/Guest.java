package dev.ftsql.cli.kernel;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * Boots a kernel once under QEMU ({@code tools/qemu/run-guest.sh}) and runs many cases in it. The
 * payload and the console output are kept under {@code target/kernel-tests/} for debugging.
 */
public final class Guest {
  private final Path repoRoot;
  private final Path workDir;

  /**
   * @param repoRoot where {@code tools/qemu/run-guest.sh} lives
   */
  public Guest(Path repoRoot, Path workDir) {
    this.repoRoot = repoRoot;
    this.workDir = workDir;
  }

  public Path repoRoot() {
    return repoRoot;
  }

  public Path workDir() {
    return workDir;
  }

  /** From the system property {@code ftsql.repoRoot} that the parent pom's surefire sets. */
  public static Guest fromSystemProperties() {
    String root = System.getProperty("ftsql.repoRoot");
    if (root == null || root.isBlank()) {
      throw new IllegalStateException("system property ftsql.repoRoot is not set");
    }
    Path repo = Path.of(root);
    return new Guest(repo, repo.resolve("cli/target/kernel-tests"));
  }

  /**
   * One container of tests per kernel ("kernel 6.1", ...). A kernel boots only when its container
   * runs: {@code testsOn} is called lazily, so a report lists the kernels in order, each with its
   * own boot's tests.
   */
  public static Stream<DynamicNode> onEachKernel(
      List<String> kernels, Function<String, Stream<DynamicNode>> testsOn) {
    return kernels.stream()
        .map(k -> dynamicContainer("kernel " + k, Stream.of(k).flatMap(testsOn)));
  }

  /**
   * Runs every case in one boot of {@code kernel} (6.1, 6.12 or an image path).
   *
   * @param label distinguishes this suite's files under the work directory
   */
  public GuestRun run(String kernel, String label, List<GuestCase> cases, Duration timeout) {
    return run(kernel, label, cases, timeout, 0, Optional.empty(), Map.of());
  }

  /**
   * Like {@link #run(String, String, List, Duration)}, with {@code files} (path under the guest's
   * root, e.g. {@code ftsql/x.sh}, to text) put into the initramfs for the cases to use.
   */
  public GuestRun run(
      String kernel,
      String label,
      List<GuestCase> cases,
      Duration timeout,
      Map<String, String> files) {
    return run(kernel, label, cases, timeout, 0, Optional.empty(), files);
  }

  /**
   * Like {@link #run(String, String, List, Duration)}, with the guest's memory and a directory
   * merged into its root (for example a {@link GuestJava} with a JRE and the ftsql jar).
   *
   * @param memoryMib the guest's memory; 0 for run-guest.sh's default
   */
  public GuestRun run(
      String kernel,
      String label,
      List<GuestCase> cases,
      Duration timeout,
      int memoryMib,
      Optional<Path> extra) {
    return run(kernel, label, cases, timeout, memoryMib, extra, Map.of());
  }

  private GuestRun run(
      String kernel,
      String label,
      List<GuestCase> cases,
      Duration timeout,
      int memoryMib,
      Optional<Path> extra,
      Map<String, String> files) {
    if (extra.isPresent() && !files.isEmpty()) {
      throw new IllegalArgumentException(
          "run-guest.sh takes one --extra tree: give a directory or files");
    }
    try {
      Files.createDirectories(workDir);
      String base = label + "-" + kernel.replaceAll("[^A-Za-z0-9.]", "_");
      Path payload = workDir.resolve(base + "-payload.sh");
      Path out = workDir.resolve(base + "-stdout.txt");
      Path err = workDir.resolve(base + "-stderr.txt");
      Files.writeString(payload, GuestScript.build(cases));
      List<String> command =
          new ArrayList<>(
              List.of(
                  repoRoot.resolve("tools/qemu/run-guest.sh").toString(),
                  "--kernel",
                  kernel,
                  "--timeout",
                  Long.toString(timeout.toSeconds())));
      if (memoryMib > 0) {
        command.addAll(List.of("--mem", Integer.toString(memoryMib)));
      }
      extra.ifPresent(dir -> command.addAll(List.of("--extra", dir.toString())));
      if (!files.isEmpty()) {
        command.add("--extra");
        command.add(extraTree(workDir.resolve(base + "-extra"), files).toString());
      }
      command.add(payload.toString());
      long start = System.nanoTime();
      Process p =
          new ProcessBuilder(command)
              .directory(repoRoot.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      // run-guest.sh kills QEMU at its own timeout; this is only a backstop.
      if (!p.waitFor(timeout.toSeconds() + 60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("run-guest.sh did not end; see " + out);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf(
          "kernel %s: %d %s cases in one boot, %d s%n",
          kernel, cases.size(), label, elapsed.toSeconds());
      return new GuestRun(kernel, read(out), out, read(err), p.exitValue(), elapsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A fresh directory holding {@code files}. */
  private static Path extraTree(Path dir, Map<String, String> files) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey()).normalize();
      if (!target.startsWith(dir)) {
        throw new IllegalArgumentException("not under the guest root: " + f.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue());
    }
    return dir;
  }

  /** Lenient: a comm or a symbol name may hold bytes that are not UTF-8. */
  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
