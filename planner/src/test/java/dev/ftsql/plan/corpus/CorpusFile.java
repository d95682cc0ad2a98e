package dev.ftsql.plan.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A corpus case file on the classpath: blocks of {@code key: value} lines under a {@code # ID}
 * title, separated by blank lines; {@code --} lines are comments.
 */
final class CorpusFile {
  /** One block: its id and its fields. */
  record Block(String id, Map<String, String> fields) {
    String required(String key) {
      return optional(key)
          .orElseThrow(() -> new IllegalStateException(id + ": no '" + key + ":' line"));
    }

    Optional<String> optional(String key) {
      return Optional.ofNullable(fields.get(key));
    }
  }

  /** A case read from a block: its fields by key. */
  interface Case {
    Block block();

    default String id() {
      return block().id();
    }

    default String required(String key) {
      return block().required(key);
    }

    default Optional<String> optional(String key) {
      return block().optional(key);
    }
  }

  private CorpusFile() {}

  static List<Block> read(String resource) {
    String text;
    try (InputStream in = CorpusFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Block> blocks = new ArrayList<>();
    String id = null;
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : (text + "\n\n").split("\n", -1)) {
      if (line.startsWith("--")) {
        continue;
      }
      if (line.isBlank()) {
        if (id != null) {
          blocks.add(new Block(id, Map.copyOf(fields)));
        }
        id = null;
        fields = new LinkedHashMap<>();
      } else if (line.startsWith("# ")) {
        id = line.substring(2).strip();
      } else {
        int colon = line.indexOf(": ");
        if (id == null
            || colon < 0
            || fields.put(line.substring(0, colon), line.substring(colon + 2)) != null) {
          throw new IllegalStateException("bad line in " + resource + ": " + line);
        }
      }
    }
    Set<String> ids = new HashSet<>();
    for (Block b : blocks) {
      if (!ids.add(b.id())) {
        throw new IllegalStateException("case " + b.id() + " appears twice in " + resource);
      }
    }
    return List.copyOf(blocks);
  }
}
