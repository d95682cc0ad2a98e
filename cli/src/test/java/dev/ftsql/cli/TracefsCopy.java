package dev.ftsql.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Unpacks an embedded kernel snapshot into a directory laid out like tracefs (a "copy"). */
final class TracefsCopy {
  private TracefsCopy() {}

  static Path of(String kernel, Path dir) throws IOException {
    String resource = "/dev/ftsql/sql/kernels/" + kernel + ".ftcat.gz";
    try (InputStream raw = TracefsCopy.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      Path current = null;
      StringBuilder content = new StringBuilder();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#ftsql-file ")) {
          write(current, content);
          current = dir.resolve(line.substring("#ftsql-file ".length()));
          content.setLength(0);
        } else if (current != null) {
          content.append(line).append('\n');
        }
      }
      write(current, content);
    }
    return dir;
  }

  private static void write(Path file, StringBuilder content) throws IOException {
    if (file != null) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    }
  }
}
