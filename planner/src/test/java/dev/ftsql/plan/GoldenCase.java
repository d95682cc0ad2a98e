package dev.ftsql.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of a golden file: blocks separated by blank lines, each a {@code # title} and
 * {@code key: value} lines (a key may repeat; {@code sql:} may continue on lines starting with
 * two spaces).
 */
record GoldenCase(String title, Map<String, List<String>> fields) {

  String get(String key) {
    List<String> v = fields.get(key);
    return v == null ? null : v.get(0);
  }

  List<String> all(String key) {
    return fields.getOrDefault(key, List.of());
  }

  @Override
  public String toString() {
    return title;
  }

  static List<GoldenCase> load(String resource) throws IOException {
    String text;
    try (InputStream in = GoldenCase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<GoldenCase> cases = new ArrayList<>();
    String title = null;
    Map<String, List<String>> fields = new LinkedHashMap<>();
    String lastKey = null;
    for (String line : (text + "\n\n").split("\n", -1)) {
      if (line.isBlank()) {
        if (title != null) {
          cases.add(new GoldenCase(title, fields));
        }
        title = null;
        fields = new LinkedHashMap<>();
        lastKey = null;
      } else if (line.startsWith("# ")) {
        title = line.substring(2).strip();
      } else if (line.startsWith("  ") && lastKey != null) {
        List<String> values = fields.get(lastKey);
        values.set(values.size() - 1, values.get(values.size() - 1) + "\n" + line.substring(2));
      } else {
        int colon = line.indexOf(": ");
        if (colon < 0) {
          throw new IOException("bad golden line in " + resource + ": " + line);
        }
        lastKey = line.substring(0, colon);
        fields.computeIfAbsent(lastKey, k -> new ArrayList<>()).add(line.substring(colon + 2));
      }
    }
    return cases;
  }
}
