package dev.ftsql.cli.kernel;

import dev.ftsql.sql.catalog.CatalogLoader;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * A directory to merge into a guest's root ({@code run-guest.sh --extra}) so the guest can run the
 * ftsql CLI itself: a jlink-ed JRE in {@code /opt/jre} with the modules {@code jdeps} finds in the
 * jar, the glibc libraries that {@code ldd} names for {@code java} and {@code libjvm.so} at the
 * same paths, the jar, an AppCDS archive of it, the library example compiled against it, and the
 * {@code ftsql} command and test helpers ({@code guest-bin/}) in {@code /usr/bin}.
 *
 * <p>Why the archive: every JVM start under TCG spends much of its time loading and verifying
 * Calcite's classes. {@code /opt/ftsql/app.jsa} is a static AppCDS archive of the JDK's and the
 * jar's classes that the guest's commands load, dumped on the host by this very JRE (see
 * {@link #archive}). The JVM takes an app archive only when the jar sits at the path it was dumped
 * with and has the same size and mtime (the initramfs keeps mtimes): so the jar lives in the guest
 * at its host path, {@link #jarPath}. The archives are mapped where they were dumped ({@code ArchiveRelocationMode=0}): relocating them
 * took about 4 s of each start under TCG. Measurements: docs/performance.md, section 5.
 *
 * <p>The JRE and the archive are built once and kept under {@code cli/target/kernel-tests/}; the
 * jar, the example and the scripts are refreshed on every call.
 */
public final class GuestJava {
  /** The JVM options of every ftsql start in the guest; the archive is dumped with the same ones. */
  static final String JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
      // Map the CDS archives where they were dumped: relocating them costs seconds under TCG.
      + " -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0";

  private static final List<String> HELPERS =
      List.of("ftsql", "ftsql-java", "ftsql-bg", "ftsql-bg-child", "ftsql-wait", "ftsql-wait-applied");
  /** What the archive is trained on: the single-event query and the join the guest runs. */
  private static final String TRAINING_SINGLE = RealKernelLiveTest.SINGLE;
  private static final String TRAINING_JOIN = RealKernelLiveTest.JOIN;

  private GuestJava() {}

  /** The jar's path, the same on the host (where the archive is dumped) and in the guest. */
  static Path jarPath(Guest guest) {
    return guest.workDir().resolve("guest-jar/ftsql.jar").toAbsolutePath();
  }

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
        // Uncompressed: a compressed modules image is inflated on every start.
        tool("jlink", "--add-modules", modules, "--strip-debug", "--no-header-files", "--no-man-pages",
            "--compress=0", "--generate-cds-archive", "--output", jre.toString());
        // Only for heaps over 32 GiB; 10 MB less to unpack at every boot.
        Files.deleteIfExists(jre.resolve("lib/server/classes_nocoops.jsa"));
        for (String lib : libraries(jre)) {
          Path target = dir.resolve(lib.substring(1));
          Files.createDirectories(target.getParent());
          Files.copy(Path.of(lib), target, StandardCopyOption.REPLACE_EXISTING); // follows links
        }
        Files.writeString(keyFile, key);
      }
      Path hostJar = jarPath(guest);
      Files.createDirectories(hostJar.getParent());
      if (!sameFile(jar, hostJar)) {
        Files.copy(jar, hostJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      }
      Path guestJar = dir.resolve(hostJar.toString().substring(1));
      if (!sameFile(hostJar, guestJar)) {
        Files.createDirectories(guestJar.getParent());
        Files.copy(hostJar, guestJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      }
      Path jsa = dir.resolve("opt/ftsql/app.jsa");
      removeAllBut(jsa.getParent(), List.of(jsa, jsa.resolveSibling("app.jsa.key")));
      archive(jre, hostJar, jsa, key, guest.workDir().resolve("cds-training"));
      compileSamples(repo, hostJar, dir.resolve("opt/ftsql/samples"));
      Path bin = Files.createDirectories(dir.resolve("usr/bin"));
      for (String h : HELPERS) {
        try (InputStream in = GuestJava.class.getResourceAsStream("guest-bin/" + h)) {
          if (in == null) {
            throw new IllegalStateException("guest-bin/" + h + " is not on the test classpath");
          }
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("@JAVA_OPTIONS@", JAVA_OPTIONS)
              .replace("@JAR@", hostJar.toString());
          Path target = bin.resolve(h);
          Files.writeString(target, text);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Empties {@code dir} but for {@code keep}: nothing stale goes into the initramfs. */
  private static void removeAllBut(Path dir, List<Path> keep) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> !keep.contains(p)).toList()) {
        deleteTree(p);
      }
    }
  }

  /** Same size and mtime: what the JVM compares before it trusts an archive. */
  private static boolean sameFile(Path a, Path b) throws IOException {
    return Files.exists(b) && Files.size(a) == Files.size(b)
        && Files.getLastModifiedTime(a).equals(Files.getLastModifiedTime(b));
  }

  /**
   * Dumps the app archive with the guest's JRE on this host, unless the one there is for this jar
   * and JRE already: the class lists of training runs (the commands the guest runs, against a
   * tracefs copy of the embedded 6.1 catalog), merged, then {@code -Xshare:dump}. A static archive,
   * so that several commands' classes go in (a dynamic one takes one run's). Half a minute on the
   * host, once per jar; each JVM start in the guest then loads almost nothing from the jar.
   */
  private static void archive(Path jre, Path jar, Path jsa, String jreKey, Path work) throws IOException {
    Path keyFile = jsa.resolveSibling("app.jsa.key");
    String key = jreKey + " " + jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    if (Files.exists(jsa) && Files.exists(keyFile) && Files.readString(keyFile).equals(key)) {
      return;
    }
    Files.deleteIfExists(jsa);
    Files.createDirectories(jsa.getParent());
    deleteTree(work);
    Path tracefs = CatalogLoader.writeTracefsCopy("6.1", work.resolve("tracefs"));
    // What a kernel would print for TRAINING_SINGLE, so that run reads, formats and tears down.
    Files.writeString(tracefs.resolve("events/sched/sched_switch/hist"),
        "# trigger info: hist:keys=next_comm:vals=hitcount:sort=hitcount:size=2048 [active]\n\n"
            + "{ next_comm: sh               } hitcount:          3\n\n"
            + "Totals:\n    Hits: 3\n    Entries: 1\n    Dropped: 0\n");
    // Trigger files are plain files here: appends land, and removals are appended too.
    for (String event : List.of("sched/sched_switch", "sched/sched_waking")) {
      Files.writeString(tracefs.resolve("events/" + event + "/trigger"), "");
    }
    Files.writeString(tracefs.resolve("synthetic_events"), "");
    String t = "--tracefs=" + tracefs;
    String state = "--state=" + work.resolve("state");
    List<List<String>> runs = List.of(
        List.of("run", t, state, "--duration=1ms", "--format=json", TRAINING_SINGLE),
        // A copy makes no synthetic event directory: the join is refused at its second write and
        // rolled back, the path of the refusal cases.
        List.of("run", t, state, "--duration=1ms", TRAINING_JOIN),
        List.of("start", t, state, "-n", "cnt", TRAINING_SINGLE),
        List.of("list", state),
        List.of("show", state, "cnt", "--format=json"),
        List.of("stop", state, "cnt"),
        List.of("stop", state, "--all"));
    LinkedHashSet<String> classes = new LinkedHashSet<>();
    for (int i = 0; i < runs.size(); i++) {
      Path list = work.resolve("classes-" + i + ".lst");
      List<String> command = java(jre, "-Xshare:off", "-XX:DumpLoadedClassList=" + list, "-jar", jar.toString());
      command.addAll(runs.get(i));
      run(command, true);
      classes.addAll(Files.readAllLines(list));
    }
    Path all = Files.write(work.resolve("classes.lst"), classes);
    List<String> dump = java(jre, "-Xshare:dump", "-XX:SharedClassListFile=" + all, "-XX:SharedArchiveFile=" + jsa,
        "-cp", jar.toString());
    String output = run(dump, false);
    if (!Files.exists(jsa)) {
      throw new IllegalStateException("no archive from " + String.join(" ", dump) + ":\n" + output);
    }
    Files.writeString(keyFile, key);
  }

  /** The guest JRE's java with the guest's options and a fixed heap limit (compressed oops, as in the guest). */
  private static List<String> java(Path jre, String... args) {
    List<String> command = new ArrayList<>();
    command.add(jre.resolve("bin/java").toString());
    command.addAll(List.of(JAVA_OPTIONS.split(" ")));
    command.add("-Xmx512m");
    command.addAll(List.of(args));
    return command;
  }

  /** samples/java (the library example), compiled against the jar: the guest runs it with ftsql-java. */
  private static void compileSamples(Path repo, Path jar, Path out) throws IOException {
    deleteTree(out);
    Files.createDirectories(out);
    List<String> args = new ArrayList<>(List.of("--release", "17", "-cp", jar.toString(), "-d", out.toString()));
    try (Stream<Path> s = Files.list(repo.resolve("samples/java"))) {
      s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
    }
    tool("javac", args.toArray(new String[0]));
  }

  /** The jar must be at least as new as every compiled class of the modules it bundles. */
  private static void requireFresh(Path repo, Path jar) throws IOException {
    for (String module : List.of("sql", "planner", "tracefs-backend", "busybox-export", "cli")) {
      requireNewer(jar, repo.resolve(module).resolve("target/classes"));
    }
  }

  private static void requireNewer(Path jar, Path classes) throws IOException {
    if (!Files.exists(jar)) {
      throw new AssertionError(jar + " is missing: build it first (mvn -q -B -o package -DskipTests)");
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
            + ": rebuild it first (mvn -q -B -o package -DskipTests), the guest runs the jar");
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
      String text = run(List.of("ldd", binary.toString()), false);
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

  /** Runs a command to its end; its output (stdout and stderr), or an exception when it failed. */
  private static String run(List<String> command, boolean anyStatus) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0 && !anyStatus) {
        throw new IllegalStateException(String.join(" ", command) + ": " + text);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return text;
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
