package dev.ftsql.plan.corpus;

import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.PlanOptions.Handler;
import dev.ftsql.plan.PlanOptions.Handler.Kind;
import dev.ftsql.plan.corpus.JoinMeaning.Write;
import dev.ftsql.plan.corpus.SqlhistCase.Libtracefs;
import dev.ftsql.plan.corpus.SqlhistCase.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One join case of the sqlhist corpus (sqlhist-join-cases.txt): the SQL and sqlhist options, what
 * libtracefs wrote or said, and what ftsql must do. The file is a copy of
 * reference/sqlhist-cases.md, so the test never reads anything outside the classpath.
 */
record SqlhistJoinCase(CorpusFile.Block block) implements CorpusFile.Case {
  static final String RESOURCE = "/dev/ftsql/plan/corpus/sqlhist-join-cases.txt";
  private static final List<String> PARTS = List.of("synthetic", "start", "end");

  String sql() {
    return required("sql");
  }

  /** What libtracefs HEAD did. */
  Libtracefs libtracefs() {
    return Libtracefs.valueOf(required("libtracefs").toUpperCase(Locale.ROOT));
  }

  Verdict verdict() {
    return Verdict.valueOf(required("ftsql").toUpperCase(Locale.ROOT));
  }

  /** sqlhist's options: -n NAME, -m VAR, -c VAR, -s, -S f1,f2, -T, -B INSTANCE (-e is ignored). */
  PlanOptions options() {
    PlanOptions o = PlanOptions.defaults();
    Optional<Handler> handler = Optional.empty();
    boolean snapshot = false;
    boolean traceAndSnapshot = false;
    String[] words = required("options").strip().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      switch (words[i]) {
        case "-n" -> o = o.withName(words[++i]);
        case "-B" -> o = o.withInstance(words[++i]);
        case "-m" -> handler = Optional.of(new Handler(Kind.MAX, words[++i]));
        case "-c" -> handler = Optional.of(new Handler(Kind.CHANGE, words[++i]));
        case "-S" -> o = o.withSave(List.of(words[++i].split(",")));
        case "-s" -> snapshot = true;
        case "-T" -> traceAndSnapshot = true;
        case "-e" -> {}
        default -> throw new IllegalStateException(id() + ": unknown sqlhist option " + words[i]);
      }
    }
    return handler.isPresent() ? o.withHandler(handler.get(), snapshot, traceAndSnapshot) : o;
  }

  /** The writes whose meaning ftsql's plan must have. */
  List<Write> expectedWrites() {
    return writes(verdict() == Verdict.SAME ? "libtracefs-" : "ftsql-");
  }

  /** The synthetic event the expected writes define. */
  String syntheticName() {
    return JoinMeaning.syntheticName(expectedWrites().get(0).line());
  }

  /** Why ftsql names the synthetic fields differently; types must still be equal. */
  Optional<String> namesDiffer() {
    return optional("names-differ");
  }

  /** How ftsql must refuse it. */
  ExpectedRefusal refusal() {
    return ExpectedRefusal.of(id(), sql(), required("ftsql-message"), required("ftsql-at"));
  }

  /** ftsql agrees with libtracefs: the same meaning, or a refusal of what libtracefs refused. */
  boolean agreesWithLibtracefs() {
    return (verdict() == Verdict.SAME && namesDiffer().isEmpty())
        || (verdict() == Verdict.REJECT && libtracefs() == Libtracefs.ERROR);
  }

  @Override
  public String toString() {
    return id() + "  " + required("options") + "  " + sql();
  }

  private List<Write> writes(String prefix) {
    List<Write> writes = new ArrayList<>();
    for (String part : PARTS) {
      writes.add(Write.parse(required(prefix + part)));
    }
    return writes;
  }

  static List<SqlhistJoinCase> load() {
    return CorpusFile.read(RESOURCE).stream()
        .map(b -> checked(new SqlhistJoinCase(b)))
        .toList();
  }

  /** A case must say everything its verdict needs, and explain every disagreement. */
  private static SqlhistJoinCase checked(SqlhistJoinCase c) {
    c.sql();
    c.options();
    if (c.libtracefs() == Libtracefs.OK) {
      c.writes("libtracefs-");
    }
    switch (c.verdict()) {
      case SAME -> {
        if (c.libtracefs() != Libtracefs.OK) {
          throw new IllegalStateException(c.id() + ": 'same' needs libtracefs's writes");
        }
      }
      case ACCEPT -> c.expectedWrites();
      case REJECT -> c.refusal();
    }
    if (!c.agreesWithLibtracefs() && c.optional("why").isEmpty()) {
      throw new IllegalStateException(c.id() + ": ftsql differs from libtracefs; say why");
    }
    return c;
  }
}
