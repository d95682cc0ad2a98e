package dev.ftsql.tracefs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A tracefs mounted at a directory (or any directory that looks like one). */
public final class MountedTracefs implements Tracefs {
  private final Path root;

  public MountedTracefs(Path root) {
    this.root = root;
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public String read(String path) throws IOException {
    // tracefs files report size 0; readAllBytes reads to the end regardless.
    return new String(Files.readAllBytes(resolve(path)), StandardCharsets.UTF_8);
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(resolve(path));
  }

  @Override
  public void append(String path, String line) throws IOException {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(line + "\n");
    int size = bytes.remaining();
    // No CREATE: every file ftsql writes exists in a tracefs; a missing one is an error to report.
    try (FileChannel ch = FileChannel.open(resolve(path), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      // One write(2): the kernel parses each write as one command.
      int written = ch.write(bytes);
      if (written != size) {
        throw new IOException("short write to " + path + ": " + written + " of " + size + " bytes");
      }
    }
  }

  @Override
  public void mkdir(String path) throws IOException {
    Files.createDirectory(resolve(path));
  }

  @Override
  public void rmdir(String path) throws IOException {
    Files.delete(resolve(path));
  }

  private Path resolve(String path) {
    Path p = root.resolve(path).normalize();
    if (!p.startsWith(root.normalize())) {
      throw new IllegalArgumentException("path leaves the tracefs: " + path);
    }
    return p;
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
