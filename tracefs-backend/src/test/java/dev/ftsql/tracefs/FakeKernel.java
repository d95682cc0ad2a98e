package dev.ftsql.tracefs;

import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * A tracefs that behaves like the kernel where the live backend cares: trigger files keep triggers
 * and remove them with {@code !}, {@code synthetic_events} creates and deletes (EBUSY while a
 * trigger uses the event), refusals write {@code error_log} entries with a caret, and every write
 * is recorded. The event formats come from an embedded kernel snapshot written out as a tracefs copy,
 * so the compiler can read them there.
 */
final class FakeKernel implements Tracefs {
  private final Path root;
  private final Map<String, List<String>> triggers = new TreeMap<>();
  private final Map<String, String> synthetic = new LinkedHashMap<>();
  private final List<String> instances = new ArrayList<>();
  private final List<String> errorLog = new ArrayList<>();
  private final List<String> writes = new ArrayList<>();
  private final Map<String, String> hist = new LinkedHashMap<>();
  private BiPredicate<String, String> refuse = (path, line) -> false;
  private String refusalMessage = "Couldn't find field";
  private String refusalAt = "";
  private boolean refusalLogged = true;
  private int clock = 100;

  private static Path shared;

  /** A fresh kernel state over the 6.12 event formats, unpacked once per test run. */
  FakeKernel() throws IOException {
    synchronized (FakeKernel.class) {
      if (shared == null) {
        Path dir = Files.createTempDirectory("ftsql-fake-tracefs");
        dir.toFile().deleteOnExit();
        shared = CatalogLoader.writeTracefsCopy("6.12", dir);
      }
    }
    this.root = shared;
  }

  /** The next write matching {@code when} fails with EINVAL and an error_log entry pointing at {@code at}. */
  FakeKernel refuse(BiPredicate<String, String> when, String message, String at) {
    this.refuse = when;
    this.refusalMessage = message;
    this.refusalAt = at;
    this.refusalLogged = true;
    return this;
  }

  /** Like {@link #refuse}, but silently: EINVAL and nothing in error_log (as for too many keys). */
  FakeKernel refuseSilently(BiPredicate<String, String> when) {
    this.refuse = when;
    this.refusalLogged = false;
    return this;
  }

  /** Every write, as {@code path <- line}. */
  List<String> writes() {
    return writes;
  }

  /** What a user would compare before and after: triggers, synthetic events, instances. */
  String state() {
    StringBuilder b = new StringBuilder();
    triggers.forEach((f, l) -> l.forEach(t -> b.append(f).append(": ").append(t).append('\n')));
    synthetic.values().forEach(s -> b.append("synthetic_events: ").append(s).append('\n'));
    instances.forEach(i -> b.append("instance: ").append(i).append('\n'));
    return b.toString();
  }

  void setHist(String path, String text) {
    hist.put(path, text);
  }

  /** A synthetic event someone else made. */
  void defineSynthetic(String name, String fields) {
    synthetic.put(name, name + "\t" + fields);
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public String read(String path) throws IOException {
    if (path.equals("synthetic_events")) {
      StringBuilder b = new StringBuilder();
      synthetic.values().forEach(s -> b.append(s).append('\n'));
      return b.toString();
    }
    if (path.endsWith("error_log")) {
      return path.equals("error_log") ? String.join("", errorLog) : "";
    }
    if (path.endsWith("/trigger")) {
      requireEvent(path);
      List<String> l = triggers.getOrDefault(path, List.of());
      if (l.isEmpty()) {
        return "# Available triggers:\n# traceon traceoff snapshot stacktrace enable_event disable_event"
            + " enable_hist disable_hist hist\n";
      }
      StringBuilder b = new StringBuilder();
      l.forEach(t -> b.append(t).append(" [active]\n"));
      return b.toString();
    }
    if (path.endsWith("/hist") && hist.containsKey(path)) {
      return hist.get(path);
    }
    if (path.endsWith("/hist")) {
      requireEvent(path);
      StringBuilder b = new StringBuilder();
      String trig = path.substring(0, path.length() - "hist".length()) + "trigger";
      for (String t : triggers.getOrDefault(trig, List.of())) {
        b.append("# event histogram\n#\n# trigger info: ").append(t).append(" [active]\n#\n\n")
            .append("\nTotals:\n    Hits: 0\n    Entries: 0\n    Dropped: 0\n\n");
      }
      return b.toString();
    }
    return Files.readString(root.resolve(path));
  }

  @Override
  public boolean exists(String path) {
    if (path.equals("synthetic_events") || path.equals("error_log")) {
      return true;
    }
    if (path.startsWith("instances/")) {
      String[] p = path.split("/", 3);
      if (!instances.contains(p[1])) {
        return false;
      }
      path = p.length > 2 ? p[2] : "events";
    }
    if (path.startsWith("events/synthetic/")) {
      return synthetic.containsKey(path.split("/")[2]);
    }
    return Files.exists(root.resolve(path));
  }

  @Override
  public void append(String path, String line) throws IOException {
    writes.add(path + " <- " + line);
    if (refuse.test(path, line)) {
      refuse = (p, l) -> false;
      if (refusalLogged) {
        int pos = refusalAt.isEmpty() ? 0 : Math.max(0, line.indexOf(refusalAt));
        log(location(path), refusalMessage, line, pos);
      }
      throw new IOException("Invalid argument");
    }
    if (path.equals("synthetic_events")) {
      writeSynthetic(line);
      return;
    }
    if (path.endsWith("/trigger")) {
      requireEvent(path);
      List<String> l = triggers.computeIfAbsent(path, k -> new ArrayList<>());
      if (line.startsWith("!")) {
        String t = line.substring(1);
        if (usesVariablesOf(path, t)) {
          throw new IOException("Device or resource busy");
        }
        l.remove(t); // a removal that matches nothing succeeds silently, as in the kernel
        if (l.isEmpty()) {
          triggers.remove(path);
        }
        return;
      }
      if (l.contains(line)) {
        log(location(path), "Hist trigger already exists", line, 0);
        throw new IOException("File exists");
      }
      l.add(line);
      return;
    }
    throw new IOException("Permission denied");
  }

  @Override
  public void mkdir(String path) throws IOException {
    String name = path.substring("instances/".length());
    if (instances.contains(name)) {
      throw new FileAlreadyExistsException(path);
    }
    instances.add(name);
  }

  @Override
  public void rmdir(String path) throws IOException {
    String name = path.substring("instances/".length());
    for (String f : triggers.keySet()) {
      if (f.startsWith(path + "/")) {
        throw new IOException("Device or resource busy");
      }
    }
    if (!instances.remove(name)) {
      throw new NoSuchFileException(path);
    }
  }

  private void writeSynthetic(String line) throws IOException {
    if (line.startsWith("!")) {
      String name = line.substring(1).split("\\s+")[0];
      if (!synthetic.containsKey(name)) {
        throw new IOException("No such file or directory");
      }
      for (Map.Entry<String, List<String>> e : triggers.entrySet()) {
        boolean onIt = e.getKey().contains("events/synthetic/" + name + "/");
        boolean firesIt = e.getValue().stream().anyMatch(t -> t.contains("trace(" + name + ",") || t.contains("." + name + "("));
        if (onIt || firesIt) {
          throw new IOException("Device or resource busy");
        }
      }
      synthetic.remove(name);
      return;
    }
    String name = line.split("\\s+")[0];
    if (synthetic.containsKey(name)) {
      log("synthetic_events", "Event already exists", line, 0);
      throw new IOException("File exists");
    }
    String rest = line.substring(name.length()).strip();
    synthetic.put(name, name + "\t" + rest);
  }

  /** A trigger whose variables another trigger reads cannot go first. */
  private boolean usesVariablesOf(String path, String trigger) {
    List<String> vars = new ArrayList<>();
    for (String part : trigger.split(":")) {
      for (String a : part.split(",")) {
        int eq = a.indexOf('=');
        if (eq > 0 && !a.startsWith("keys") && !a.startsWith("vals") && !a.startsWith("sort") && !a.startsWith("size")) {
          vars.add(a.substring(0, eq));
        }
      }
    }
    for (Map.Entry<String, List<String>> e : triggers.entrySet()) {
      for (String t : e.getValue()) {
        if (t.equals(trigger) && e.getKey().equals(path)) {
          continue;
        }
        for (String v : vars) {
          if (t.contains("$" + v)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void requireEvent(String path) throws IOException {
    String p = path;
    if (p.startsWith("instances/")) {
      String[] parts = p.split("/", 3);
      if (!instances.contains(parts[1])) {
        throw new NoSuchFileException(path);
      }
      p = parts[2];
    }
    String dir = p.substring(0, p.lastIndexOf('/'));
    if (dir.startsWith("events/synthetic/")) {
      if (!synthetic.containsKey(dir.substring("events/synthetic/".length()))) {
        throw new NoSuchFileException(path);
      }
      return;
    }
    if (!Files.isDirectory(root.resolve(dir))) {
      throw new NoSuchFileException(path);
    }
  }

  private static String location(String path) {
    if (path.equals("synthetic_events")) {
      return "synthetic_events";
    }
    String[] p = path.split("/");
    int i = List.of(p).indexOf("events");
    return "hist:" + p[i + 1] + ":" + p[i + 2];
  }

  private void log(String location, String message, String command, int pos) {
    clock++;
    errorLog.add("[  " + clock + ".000001] " + location + ": error: " + message + "\n  Command: " + command + "\n"
        + " ".repeat(11 + pos) + "^\n");
    if (errorLog.size() > 8) {
      errorLog.remove(0);
    }
  }
}
