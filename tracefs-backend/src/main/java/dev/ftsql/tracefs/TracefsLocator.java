package dev.ftsql.tracefs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the tracefs to apply plans to: the directory the user named; else {@code /sys/kernel/tracing}
 * when a tracefs is mounted there (Linux 4.1+); else the first tracefs in {@code /proc/mounts} (for
 * example {@code /sys/kernel/debug/tracing} on older setups).
 */
public final class TracefsLocator {
  public static final Path DEFAULT_MOUNT = Path.of("/sys/kernel/tracing");
  private static final Path PROC_MOUNTS = Path.of("/proc/mounts");

  private TracefsLocator() {}

  /** The live system's tracefs, or {@code explicit} when given. */
  public static Path locate(Optional<Path> explicit) {
    String mounts;
    try {
      mounts = Files.isReadable(PROC_MOUNTS) ? Files.readString(PROC_MOUNTS) : "";
    } catch (IOException e) {
      mounts = "";
    }
    return locate(explicit, DEFAULT_MOUNT, mounts);
  }

  static Path locate(Optional<Path> explicit, Path defaultMount, String procMounts) {
    if (explicit.isPresent()) {
      Path dir = explicit.get();
      if (!Files.isDirectory(dir.resolve("events"))) {
        throw new TracefsException("not a tracefs: " + dir + " has no events/ directory");
      }
      return dir;
    }
    if (looksMounted(defaultMount)) {
      return defaultMount;
    }
    for (String line : procMounts.split("\n")) {
      String[] f = line.split(" ");
      if (f.length >= 3 && f[2].equals("tracefs")) {
        Path dir = Path.of(unescape(f[1]));
        if (looksMounted(dir)) {
          return dir;
        }
      }
    }
    throw new TracefsException("no tracefs found: mount it (mount -t tracefs nodev " + DEFAULT_MOUNT
        + ") or give --tracefs DIR");
  }

  /** An unmounted mount point is an empty directory; a tracefs always has README and events/. */
  private static boolean looksMounted(Path dir) {
    return Files.isDirectory(dir.resolve("events")) && Files.exists(dir.resolve("README"));
  }

  /** /proc/mounts writes a space in a path as \040 (and tab, newline, backslash likewise). */
  private static String unescape(String field) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 4 <= field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        b.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
