package dev.ftsql.tracefs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The only I/O the live backend does on a tracefs: read a file, append one line, make or remove an
 * instance directory. Paths are relative to the tracefs root ({@code events/sched/sched_switch/trigger},
 * {@code instances/NAME/...}). {@link MountedTracefs} is the real one; tests use a fake that behaves
 * like the kernel.
 */
public interface Tracefs {
  /** Where the tracefs is mounted: for messages and the state directory's records. */
  Path root();

  /** The file's whole text. */
  String read(String path) throws IOException;

  boolean exists(String path);

  /**
   * Appends {@code line} and a newline with one {@code write(2)} on a file opened for appending, as
   * {@code echo LINE >> FILE} does. A truncating open would remove the event's other triggers, or
   * every synthetic event. The kernel's refusal comes back as the exception (EINVAL, EBUSY, ...).
   */
  void append(String path, String line) throws IOException;

  /** Creates a tracing instance directory ({@code instances/NAME}). */
  void mkdir(String path) throws IOException;

  /** Removes a tracing instance directory. */
  void rmdir(String path) throws IOException;
}
