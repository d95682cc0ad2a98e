package dev.ftsql.plan.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How ftsql must refuse a corpus case: a one-line message with all of {@code words} (any case),
 * whose span covers {@code token} where it starts at {@code offset} in the SQL.
 *
 * @param words from {@code ftsql-message: a | b}
 * @param token from {@code ftsql-at: tok} or {@code ftsql-at: tok #2} (its second occurrence)
 */
record ExpectedRefusal(List<String> words, String token, int offset) {

  static ExpectedRefusal of(String id, String sql, String message, String at) {
    List<String> words = Arrays.stream(message.split("\\|")).map(String::strip).toList();
    int hash = at.lastIndexOf(" #");
    String token = hash < 0 ? at : at.substring(0, hash);
    int occurrence = hash < 0 ? 1 : Integer.parseInt(at.substring(hash + 2));
    int offset = -1;
    for (int i = 0; i < occurrence; i++) {
      offset = sql.indexOf(token, offset + 1);
    }
    if (offset < 0) {
      throw new IllegalStateException(id + ": '" + at + "' is not in the SQL");
    }
    return new ExpectedRefusal(words, token, offset);
  }

  /** Compiles {@code sql} and checks the refusal. */
  void assertRefuses(Compiler compiler, String sql, PlanOptions options) {
    SqlError error;
    try {
      TracePlan plan = compiler.compile(sql, options);
      throw new AssertionError(
          "ftsql accepted it: "
              + plan.steps().stream().map(Step::line).collect(Collectors.joining(" ; ")));
    } catch (SqlError e) {
      error = e;
    }
    String message = error.getMessage();
    assertThat(message).as("one line").isNotBlank().doesNotContain("\n");
    for (String word : words) {
      assertThat(message).as("message names '%s'", word).containsIgnoringCase(word);
    }
    SourceSpan span =
        error.span().orElseThrow(() -> new AssertionError("no position in the SQL: " + message));
    assertThat(span.end()).as("span inside the SQL").isLessThanOrEqualTo(sql.length());
    assertThat(sql.substring(span.start(), span.end()))
        .as("the span of: %s", error.render(sql))
        .isEqualTo(token);
    assertThat(span.start()).as("which '%s'", token).isEqualTo(offset);
  }
}
