package dev.ftsql.tracefs;

import java.io.IOException;

/**
 * One change ftsql makes to a tracefs, and the change that takes it back: a line appended to a file
 * (undone by appending its undo line), or an instance directory made (undone by removing it).
 *
 * @param path relative to the tracefs root, instance prefix included
 * @param line the line appended; empty for {@link Kind#MKDIR}
 * @param undoLine the line that undoes it; empty for {@link Kind#MKDIR}
 */
public record TracefsChange(Kind kind, String path, String line, String undoLine) {
  public enum Kind {
    APPEND,
    MKDIR
  }

  public static TracefsChange append(String path, String line, String undoLine) {
    return new TracefsChange(Kind.APPEND, path, line, undoLine);
  }

  public static TracefsChange mkdir(String path) {
    return new TracefsChange(Kind.MKDIR, path, "", "");
  }

  void apply(Tracefs fs) throws IOException {
    if (kind == Kind.APPEND) {
      fs.append(path, line);
    } else {
      fs.mkdir(path);
    }
  }

  void undo(Tracefs fs) throws IOException {
    if (kind == Kind.APPEND) {
      fs.append(path, undoLine);
    } else {
      fs.rmdir(path);
    }
  }

  /** The change as the shell command a user would type. */
  public String command(String mount) {
    String m = mount.endsWith("/") ? mount : mount + "/";
    return kind == Kind.APPEND ? "echo " + quote(line) + " >> " + m + path : "mkdir " + m + path;
  }

  /** The undo as the shell command a user would type. */
  public String undoCommand(String mount) {
    String m = mount.endsWith("/") ? mount : mount + "/";
    return kind == Kind.APPEND ? "echo " + quote(undoLine) + " >> " + m + path : "rmdir " + m + path;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  boolean isTrigger() {
    return kind == Kind.APPEND && path.endsWith("/trigger");
  }

  boolean isSyntheticEvent() {
    return kind == Kind.APPEND && path.equals("synthetic_events");
  }
}
