package dev.ftsql.plan.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One histogram-only case of the sqlhist corpus (sqlhist-hist-cases.txt): the SQL, what libtracefs
 * did with it, and what ftsql must do. The file is a copy of reference/sqlhist-cases.md, so the test
 * never reads anything outside the classpath.
 */
record SqlhistCase(String id, Map<String, String> fields) {
  static final String RESOURCE = "/dev/ftsql/plan/corpus/sqlhist-hist-cases.txt";

  /** What libtracefs HEAD did. */
  enum Libtracefs {
    OK,
    ERROR,
    CRASH,
    HANG
  }

  /** What ftsql must do. */
  enum Verdict {
    /** Compile to a trigger equivalent to libtracefs's. */
    SAME,
    /** Compile to the trigger in {@code ftsql-trigger} (libtracefs refused, crashed or was wrong). */
    ACCEPT,
    /** Refuse, with the words of {@code ftsql-message}, pointing at {@code ftsql-at}. */
    REJECT
  }

  String sql() {
    return required("sql");
  }

  Libtracefs libtracefs() {
    return Libtracefs.valueOf(required("libtracefs").toUpperCase(Locale.ROOT));
  }

  Verdict verdict() {
    return Verdict.valueOf(required("ftsql").toUpperCase(Locale.ROOT));
  }

  /** The trigger file and line ftsql must produce the equivalent of. */
  String expectedFile() {
    return verdict() == Verdict.SAME ? required("libtracefs-file") : required("ftsql-file");
  }

  String expectedTrigger() {
    return verdict() == Verdict.SAME ? required("libtracefs-trigger") : required("ftsql-trigger");
  }

  Optional<Long> expectedLimit() {
    return optional("ftsql-limit").map(Long::parseLong);
  }

  /** Words the refusal message must contain, any case. */
  List<String> messageWords() {
    return Arrays.stream(required("ftsql-message").split("\\|")).map(String::strip).toList();
  }

  /** The SQL text the refusal must point at, e.g. {@code next_pid}. */
  String errorToken() {
    String at = required("ftsql-at");
    int hash = at.lastIndexOf(" #");
    return hash < 0 ? at : at.substring(0, hash);
  }

  /** Where {@link #errorToken()} starts in the SQL: its first, or its {@code #n}th, occurrence. */
  int errorOffset() {
    String at = required("ftsql-at");
    int hash = at.lastIndexOf(" #");
    int occurrence = hash < 0 ? 1 : Integer.parseInt(at.substring(hash + 2));
    int offset = -1;
    for (int i = 0; i < occurrence; i++) {
      offset = sql().indexOf(errorToken(), offset + 1);
    }
    if (offset < 0) {
      throw new IllegalStateException(id + ": '" + at + "' is not in the SQL");
    }
    return offset;
  }

  Optional<String> instance() {
    return optional("instance");
  }

  /** Why this case is a known ftsql failure; empty when ftsql must pass it. */
  Optional<String> knownFailure() {
    return optional("known-failure");
  }

  /** ftsql agrees with libtracefs: the same trigger, or a refusal of what libtracefs refused. */
  boolean agreesWithLibtracefs() {
    return verdict() == Verdict.SAME
        || (verdict() == Verdict.REJECT && libtracefs() == Libtracefs.ERROR);
  }

  @Override
  public String toString() {
    return id + "  " + sql();
  }

  private String required(String key) {
    return optional(key)
        .orElseThrow(() -> new IllegalStateException(id + ": no '" + key + ":' line"));
  }

  private Optional<String> optional(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** Loads and checks every case: blocks of {@code key: value} lines under a {@code # ID} title. */
  static List<SqlhistCase> load() {
    String text;
    try (InputStream in = SqlhistCase.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<SqlhistCase> cases = new ArrayList<>();
    String id = null;
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : (text + "\n\n").split("\n", -1)) {
      if (line.startsWith("--")) {
        continue;
      }
      if (line.isBlank()) {
        if (id != null) {
          cases.add(checked(new SqlhistCase(id, fields)));
        }
        id = null;
        fields = new LinkedHashMap<>();
      } else if (line.startsWith("# ")) {
        id = line.substring(2).strip();
      } else {
        int colon = line.indexOf(": ");
        if (id == null || colon < 0 || fields.put(line.substring(0, colon), line.substring(colon + 2)) != null) {
          throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
        }
      }
    }
    Set<String> ids = new HashSet<>();
    for (SqlhistCase c : cases) {
      if (!ids.add(c.id())) {
        throw new IllegalStateException("case " + c.id() + " appears twice");
      }
    }
    return List.copyOf(cases);
  }

  /** A case must say everything its verdict needs, and explain every disagreement. */
  private static SqlhistCase checked(SqlhistCase c) {
    c.sql();
    if (c.libtracefs() == Libtracefs.OK) {
      c.required("libtracefs-trigger");
    }
    switch (c.verdict()) {
      case SAME -> {
        if (c.libtracefs() != Libtracefs.OK) {
          throw new IllegalStateException(c.id + ": 'same' needs a libtracefs trigger");
        }
        c.expectedTrigger();
      }
      case ACCEPT -> {
        c.expectedFile();
        c.expectedTrigger();
      }
      case REJECT -> {
        c.messageWords();
        c.errorOffset();
      }
    }
    if (!c.agreesWithLibtracefs() && c.optional("why").isEmpty()) {
      throw new IllegalStateException(c.id + ": ftsql differs from libtracefs; say why");
    }
    return c;
  }
}
