package dev.ftsql.cli.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * A directory to merge into a guest's root ({@code run-guest.sh --extra}) so the guest can run the
 * ftsql CLI itself: a jlink-ed JRE in {@code /opt/jre} with the modules {@code jdeps} finds in the
 * jar, the glibc libraries that {@code ldd} names for {@code java} and {@code libjvm.so} at the
 * same paths, {@code cli/target/ftsql.jar} in {@code /opt/ftsql}, and the {@code ftsql} command and
 * test helpers ({@code guest-bin/}) in {@code /usr/bin}. The JRE is built once and kept under
 * {@code cli/target/kernel-tests/}; the jar and the scripts are refreshed on every call.
 */
public final class GuestJava {
  private static final List<String> HELPERS =
      List.of("ftsql", "ftsql-bg", "ftsql-bg-child", "ftsql-wait", "ftsql-wait-applied", "ftsql-time");

  private GuestJava() {}

  /**
   * Builds (or refreshes) the directory for {@code guest}.
   *
   * @throws AssertionError when the jar is missing or older than the compiled classes: it must be
   *     what the tests just compiled
   */
  public static Path prepare(Guest guest) {
    Path repo = guest.repoRoot();
    Path jar = repo.resolve("cli/target/ftsql.jar");
    Path dir = guest.workDir().resolve("guest-java");
    try {
      requireFresh(repo, jar);
      String modules = modules(guest.workDir(), jar);
      Path jre = dir.resolve("opt/jre");
      String key = System.getProperty("java.home") + " " + System.getProperty("java.version") + " " + modules;
      Path keyFile = dir.resolve(".jre-key");
      if (!Files.exists(keyFile) || !Files.readString(keyFile).equals(key)) {
        deleteTree(dir);
        Files.createDirectories(jre.getParent());
        tool("jlink", "--add-modules", modules, "--strip-debug", "--no-header-files", "--no-man-pages",
            "--generate-cds-archive", "--output", jre.toString());
        for (String lib : libraries(jre)) {
          Path target = dir.resolve(lib.substring(1));
          Files.createDirectories(target.getParent());
          Files.copy(Path.of(lib), target, StandardCopyOption.REPLACE_EXISTING); // follows links
        }
        Files.writeString(keyFile, key);
      }
      Path guestJar = dir.resolve("opt/ftsql/ftsql.jar");
      Files.createDirectories(guestJar.getParent());
      Files.copy(jar, guestJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      // The library example (samples/java), run with the jar on its class path.
      Path samples = repo.resolve("samples/target/ftsql-samples-0.1.0-SNAPSHOT.jar");
      requireNewer(samples, repo.resolve("samples/target/classes"));
      Files.copy(samples, dir.resolve("opt/ftsql/samples.jar"), StandardCopyOption.REPLACE_EXISTING);
      Path bin = Files.createDirectories(dir.resolve("usr/bin"));
      for (String h : HELPERS) {
        try (InputStream in = GuestJava.class.getResourceAsStream("guest-bin/" + h)) {
          if (in == null) {
            throw new IllegalStateException("guest-bin/" + h + " is not on the test classpath");
          }
          Path target = bin.resolve(h);
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar must be at least as new as every compiled class of the modules it bundles. */
  private static void requireFresh(Path repo, Path jar) throws IOException {
    for (String module : List.of("sql", "planner", "tracefs-backend", "busybox-export", "cli")) {
      requireNewer(jar, repo.resolve(module).resolve("target/classes"));
    }
  }

  private static void requireNewer(Path jar, Path classes) throws IOException {
    if (!Files.exists(jar)) {
      throw new AssertionError(jar + " is missing: build it first (mvn -q -B -o install -DskipTests)");
    }
    FileTime built = Files.getLastModifiedTime(jar);
    if (!Files.isDirectory(classes)) {
      return;
    }
    try (Stream<Path> files = Files.walk(classes)) {
      Optional<Path> newer = files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".class"))
          .filter(f -> {
            try {
              return Files.getLastModifiedTime(f).compareTo(built) > 0;
            } catch (IOException e) {
              return false;
            }
          })
          .findFirst();
      if (newer.isPresent()) {
        throw new AssertionError(jar + " is older than " + newer.get()
            + ": rebuild it first (mvn -q -B -o install -DskipTests), the guest runs the jar");
      }
    }
  }

  /** jdeps's answer for the jar, kept next to the JRE (it takes half a minute). */
  private static String modules(Path workDir, Path jar) throws IOException {
    Path cache = workDir.resolve("guest-java.modules");
    if (Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
      return Files.readString(cache).strip();
    }
    String out = tool("jdeps", "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
        jar.toString()).strip();
    String modules = out.lines().reduce((a, b) -> b).orElseThrow();
    if (!modules.matches("[a-z][a-z0-9.]*(,[a-z][a-z0-9.]*)*")) {
      throw new IllegalStateException("jdeps said: " + out);
    }
    Files.createDirectories(workDir);
    Files.writeString(cache, modules);
    return modules;
  }

  /** The shared libraries java and libjvm.so load, as ldd names them (absolute paths). */
  private static List<String> libraries(Path jre) throws IOException {
    TreeSet<String> libs = new TreeSet<>();
    for (Path binary : List.of(jre.resolve("bin/java"), jre.resolve("lib/server/libjvm.so"))) {
      Process p = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      try {
        if (p.waitFor() != 0) {
          throw new IllegalStateException("ldd " + binary + ": " + text);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      for (String line : text.split("\n")) {
        String[] f = line.strip().split("\\s+");
        // "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x..)" or "/lib64/ld-linux-x86-64.so.2 (0x..)"
        String path = f.length >= 3 && f[1].equals("=>") ? f[2] : f[0];
        if (path.startsWith("/") && !path.startsWith(jre.toString())) {
          libs.add(path);
        }
      }
    }
    return new ArrayList<>(libs);
  }

  private static String tool(String name, String... args) {
    ToolProvider t = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException("no " + name));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = t.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
    if (rc != 0) {
      throw new IllegalStateException(name + " failed (" + rc + "): " + err.toString(StandardCharsets.UTF_8)
          + out.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
