package dev.ftsql.plan.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One histogram-only case of the sqlhist corpus (sqlhist-hist-cases.txt): the SQL, what libtracefs
 * did with it, and what ftsql must do. The file is a copy of reference/sqlhist-cases.md, so the test
 * never reads anything outside the classpath.
 */
record SqlhistCase(CorpusFile.Block block) implements CorpusFile.Case {
  static final String RESOURCE = "/dev/ftsql/plan/corpus/sqlhist-hist-cases.txt";

  /** What libtracefs HEAD did. */
  enum Libtracefs {
    OK,
    ERROR,
    CRASH,
    HANG
  }

  /** What ftsql must do (for a join case, a "trigger" is the join's writes). */
  enum Verdict {
    /** Compile to a trigger equivalent to libtracefs's. */
    SAME,
    /** Compile to the trigger in {@code ftsql-trigger}, or the join in {@code ftsql-synthetic},
     * {@code -start} and {@code -end} (libtracefs refused, crashed, hung or was wrong). */
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

  /** How ftsql must refuse it. */
  ExpectedRefusal refusal() {
    return ExpectedRefusal.of(id(), sql(), required("ftsql-message"), required("ftsql-at"));
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
    return id() + "  " + sql();
  }

  /** Loads and checks every case of the file. */
  static List<SqlhistCase> load() {
    return CorpusFile.read(RESOURCE).stream()
        .map(b -> checked(new SqlhistCase(b)))
        .toList();
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
          throw new IllegalStateException(c.id() + ": 'same' needs a libtracefs trigger");
        }
        c.expectedTrigger();
      }
      case ACCEPT -> {
        c.expectedFile();
        c.expectedTrigger();
      }
      case REJECT -> {
        c.refusal();
      }
    }
    if (!c.agreesWithLibtracefs() && c.optional("why").isEmpty()) {
      throw new IllegalStateException(c.id() + ": ftsql differs from libtracefs; say why");
    }
    return c;
  }
}
