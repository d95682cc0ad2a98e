package dev.ftsql.sql.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.sql.SqlError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/**
 * Every query of the sqlhist cross-check corpus (sqlhist-cases.md), normalized and fed to Calcite's
 * core parser. The resources are copies, so the test does not depend on where the reference lives.
 */
class DialectCorpusTest {

  /** Accepted by libtracefs but refused here on purpose; the value says why. */
  private static final Map<String, String> REFUSED =
      Map.of(
          "K17", "12ab: sqlhist silently drops the junk after a number; we report it",
          "L13", "a label inside ON (start.pid AS p = ...) is a libtracefs quirk, not SQL");

  /** Rejected by libtracefs and still not parseable after normalizing; the value says why. */
  private static final Map<String, String> STILL_REJECTED =
      Map.of(
          "D12", "select from from ...: an unescaped keyword as a field name",
          "N03", "a trailing ';' (Calcite's parseQuery takes no statement terminator)");

  @Test
  void everyAcceptedQueryParses() throws IOException {
    Map<String, String> cases = load("sqlhist-accepted.sql");
    assertThat(cases).hasSizeGreaterThan(100);
    Map<String, String> failures = failures(cases);
    assertThat(failures.keySet()).containsExactlyInAnyOrderElementsOf(REFUSED.keySet());
    assertThat(failures.get("K17")).isEqualTo("SqlError: malformed number '12ab'");
  }

  @Test
  void rejectedQueriesParseUnlessSyntacticallyWrong() throws IOException {
    // Most were rejected by libtracefs for semantic reasons or missing features (GROUP BY, AND,
    // single quotes, ...); the validator and planner judge them, the parser must not.
    Map<String, String> failures = failures(load("sqlhist-rejected.sql"));
    assertThat(failures.keySet()).containsExactlyInAnyOrderElementsOf(STILL_REJECTED.keySet());
  }

  @Test
  void offsetMapIsWellFormedForEveryQuery() throws IOException {
    Map<String, String> cases = load("sqlhist-accepted.sql");
    cases.putAll(load("sqlhist-rejected.sql"));
    for (Map.Entry<String, String> c : cases.entrySet()) {
      NormalizedSql n;
      try {
        n = Dialect.normalize(c.getValue());
      } catch (SqlError e) {
        continue;
      }
      assertThat(n.toOriginal()).as(c.getKey()).hasSize(n.text().length() + 1).isSorted();
      assertThat(n.toOriginal()[n.text().length()]).as(c.getKey()).isEqualTo(c.getValue().length());
    }
  }

  @Test
  void mutatedQueriesFailOnlyWithSqlError() throws IOException {
    // Seeded fuzzing: random edits with the characters the rewriter cares about must never crash
    // it, and every result must keep a well-formed map.
    List<String> queries = new ArrayList<>(load("sqlhist-accepted.sql").values());
    Random random = new Random(42);
    String alphabet = "\"'`\\!&|=~,()$.-0x9 aAsEbB_/*\n";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sql = new StringBuilder(queries.get(random.nextInt(queries.size())));
      for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
        int at = random.nextInt(sql.length() + 1);
        if (random.nextBoolean() && at < sql.length()) {
          sql.deleteCharAt(at);
        } else {
          sql.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String text = sql.toString();
      try {
        NormalizedSql n = Dialect.normalize(text);
        assertThat(n.toOriginal()).as(text).hasSize(n.text().length() + 1).isSorted();
        assertThat(n.toOriginal()[n.text().length()]).as(text).isEqualTo(text.length());
      } catch (SqlError e) {
        assertThat(e.span()).as(text).isPresent();
        assertThat(e.span().orElseThrow().start()).as(text).isLessThanOrEqualTo(text.length());
      }
    }
  }

  /** ID to failure description, for every case that does not normalize and parse. */
  private static Map<String, String> failures(Map<String, String> cases) {
    Map<String, String> failures = new LinkedHashMap<>();
    cases.forEach(
        (id, sql) -> {
          try {
            SqlParser.create(Dialect.normalize(sql).text(), Dialect.PARSER_CONFIG).parseQuery();
          } catch (SqlError e) {
            failures.put(id, "SqlError: " + e.getMessage());
          } catch (SqlParseException e) {
            failures.put(id, "parse: " + e.getMessage().lines().findFirst().orElse(""));
          }
        });
    return failures;
  }

  /** Reads "-- ID: note" lines each followed by one query line. */
  private static Map<String, String> load(String resource) throws IOException {
    List<String> lines;
    try (InputStream in = DialectCorpusTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      lines =
          new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    }
    Map<String, String> cases = new LinkedHashMap<>();
    String id = null;
    for (String line : lines) {
      if (line.startsWith("-- ")) {
        int colon = line.indexOf(':');
        id = colon > 0 && !line.substring(3, colon).contains(" ") ? line.substring(3, colon) : null;
      } else if (!line.isBlank() && id != null) {
        cases.put(id, line);
        id = null;
      }
    }
    return cases;
  }
}
