package dev.ftsql.sql.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialectTest {

  private static String norm(String sql) {
    return Dialect.normalize(sql).text();
  }

  private static String where(String condition) {
    String prefix = "SELECT a FROM t WHERE ";
    return norm(prefix + condition).substring(prefix.length());
  }

  // ---- standard SQL passes through unchanged

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm",
        "SELECT a FROM t WHERE a LIKE 'x%' AND NOT b = 1",
        "SELECT 'it''s' FROM t",
        "SELECT -5, a <> b, 1.5, .5, 1e5, 0, 0.25 FROM t",
        "SELECT a FROM t WHERE a IN (1, 2) OR b BETWEEN 1 AND 2 OR c IS NOT NULL",
        "SELECT pid, SUM(bytes) AS total FROM kmalloc GROUP BY pid HAVING SUM(bytes) > 0"
            + " ORDER BY total DESC LIMIT 10 OFFSET 5",
        "SELECT `end`.pid FROM sched_switch AS `end`",
        "SELECT CAST(x AS BIGINT), CAST(y AS VARCHAR(16)), CAST(z AS DOUBLE PRECISION) FROM t",
        "SELECT CAST(x AS TIMESTAMP) FROM t WHERE ts > TIMESTAMP '2024-01-01 00:00:00'",
        "SELECT a FROM t1 JOIN t2 ON t1.a = t2.a, t3 WHERE t3.b = 1",
        "SELECT a FROM t1, t2 WHERE t1.a = t2.a",
        "SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END AS pos FROM t",
        "SELECT a FROM (SELECT a FROM t WHERE b = 1) WHERE a > 2",
        "WITH q AS (SELECT a FROM t) SELECT a FROM q UNION ALL SELECT DISTINCT a FROM q",
        "SELECT a FROM t LEFT JOIN u ON t.a = u.a WHERE flags & 4 <> 0",
        "SELECT a\n  FROM t -- \"not\" && rewritten\n  WHERE /* \\from ~ $ */ a = 1",
      })
  void standardSqlIsUnchanged(String sql) {
    assertThat(norm(sql)).isEqualTo(sql);
  }

  // ---- strings and escapes

  @Test
  void doubleQuotedStringBecomesSingleQuoted() {
    assertThat(where("comm == \"bash\"")).isEqualTo("comm = 'bash'");
    assertThat(where("comm == \"it's\"")).isEqualTo("comm = 'it''s'");
    assertThat(where("comm == \"\"")).isEqualTo("comm = ''");
  }

  @Test
  void backslashIsOrdinaryInsideDoubleQuotes() {
    // sqlhist's qstring is \"[^\"]*\": no escapes, so "a\" is the two characters a and \.
    assertThat(where("comm == \"a\\\" AND b = 1")).isEqualTo("comm = 'a\\' AND b = 1");
  }

  @Test
  void backslashEscapesKeyword() {
    assertThat(norm("select \\from from regcache_drop_region"))
        .isEqualTo("select `from` from regcache_drop_region");
    assertThat(norm("SELECT e.pid AS \\Select FROM t e"))
        .isEqualTo("SELECT e.pid AS `Select` FROM t e");
  }

  // ---- operators

  @Test
  void sqlhistOperatorsBecomeSql() {
    assertThat(where("a == 1 && b != 2 || c < 3")).isEqualTo("a = 1 AND b <> 2 OR c < 3");
    assertThat(where("a==1&&b!=2||c<3")).isEqualTo("a=1 AND b<>2 OR c<3");
    assertThat(where("!(a == 1)")).isEqualTo("NOT (a = 1)");
    assertThat(where("!a < 1")).isEqualTo("NOT a < 1");
    assertThat(where("(!a < 1)")).isEqualTo("(NOT a < 1)");
    assertThat(where("a < 1&&!(b)")).isEqualTo("a < 1 AND NOT (b)");
  }

  @Test
  void commaBetweenWhereConditionsIsAnd() {
    assertThat(where("a < 1, b < 2,c < 3")).isEqualTo("a < 1 AND b < 2 AND c < 3");
    assertThat(where("a IN (1, 2), b = f(1, 2)")).isEqualTo("a IN (1, 2) AND b = f(1, 2)");
  }

  @Test
  void commaBetweenOnEqualitiesIsAnd() {
    assertThat(
            norm(
                "SELECT s.a FROM x AS s JOIN y AS e ON s.a = e.a, s.b == e.b WHERE s.c = 1, e.d ="
                    + " 2"))
        .isEqualTo(
            "SELECT s.a FROM x AS s JOIN y AS e ON s.a = e.a AND s.b = e.b WHERE s.c = 1 AND e.d ="
                + " 2");
  }

  @Test
  void globBecomesFunction() {
    assertThat(where("next_comm ~ \"cycl*\"")).isEqualTo("GLOB(next_comm, 'cycl*')");
    assertThat(where("next_comm~'cycl*'")).isEqualTo("GLOB(next_comm, 'cycl*')");
    assertThat(where("end.next_comm ~ \"*x\" && a = 1"))
        .isEqualTo("GLOB(`end`.next_comm, '*x') AND a = 1");
    assertThat(where("`end`.c ~ 'x' || \\from ~ 'y'"))
        .isEqualTo("GLOB(`end`.c, 'x') OR GLOB(`from`, 'y')");
    assertThat(where("NOT comm ~ 'x'")).isEqualTo("NOT GLOB(comm, 'x')");
    assertThat(where("!comm ~ \"x\"")).isEqualTo("NOT GLOB(comm, 'x')");
    assertThat(where("sys.ev.value ~ 'x'")).isEqualTo("GLOB(sys.ev.`value`, 'x')");
  }

  @Test
  void globNeedsFieldAndPattern() {
    assertThatThrownBy(() -> norm("SELECT a FROM t WHERE 'x' ~ 'y'"))
        .isInstanceOf(SqlError.class)
        .hasMessage("'~' needs a field name on its left")
        .extracting(e -> ((SqlError) e).span().orElseThrow())
        .isEqualTo(new SourceSpan(26, 27));
    assertThatThrownBy(() -> norm("SELECT a FROM t WHERE comm ~ 1"))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("'~' needs a quoted pattern on its right");
  }

  @Test
  void commasOutsideWhereAndOnStay() {
    assertThat(norm("SELECT a, b FROM t WHERE c = 1, d = 2 GROUP BY a, b ORDER BY a, b"))
        .isEqualTo("SELECT a, b FROM t WHERE c = 1 AND d = 2 GROUP BY a, b ORDER BY a, b");
    assertThat(norm("SELECT a FROM t WHERE a IN (SELECT b FROM u WHERE c = 1, d = 2), e = 3"))
        .isEqualTo("SELECT a FROM t WHERE a IN (SELECT b FROM u WHERE c = 1 AND d = 2) AND e = 3");
    assertThat(norm("SELECT a, b FROM t WHERE c = 1 UNION SELECT a, b FROM u"))
        .isEqualTo("SELECT a, b FROM t WHERE c = 1 UNION SELECT a, b FROM u");
  }

  @Test
  void literalAndQuotedContentsAreNeverTouched() {
    String sql = "SELECT `a && \\b`, 'x == \"y\" ~ 0x10 -- z' FROM t WHERE c = \"-- && '' /* \"";
    assertThat(norm(sql))
        .isEqualTo("SELECT `a && \\b`, 'x == \"y\" ~ 0x10 -- z' FROM t WHERE c = '-- && '''' /* '");
  }

  // ---- numbers

  @Test
  void hexAndOctalBecomeDecimal() {
    assertThat(where("a < 0x10 && b = 0XfF && c = 0xFFFFFFFFFFFFFFFF"))
        .isEqualTo("a < 16 AND b = 255 AND c = 18446744073709551615");
    // strtol(base 0) in sqlhist and the kernel's filter parser both read 010 as octal.
    assertThat(where("a < 010 AND b = 00 AND c = 0 AND d = 0.5 AND e = -5"))
        .isEqualTo("a < 8 AND b = 0 AND c = 0 AND d = 0.5 AND e = -5");
  }

  @Test
  void malformedNumbersAreRefused() {
    assertError("SELECT a FROM t WHERE b = 12ab", "malformed number '12ab'", 26, 30);
    assertError("SELECT a FROM t WHERE b = 0x", "malformed number '0x'", 26, 28);
    assertError("SELECT a FROM t WHERE b = 0x1g", "malformed number '0x1g'", 26, 30);
    assertError(
        "SELECT a FROM t WHERE b = 019",
        "malformed octal number '019' (a leading 0 means octal)",
        26,
        29);
  }

  // ---- the kernel's spelling of a µs timestamp

  @Test
  void kernelUsecsTimestampIsTimestampUsecs() {
    String sql = "SELECT (end.common_timestamp.usecs - start.common_timestamp.usecs) AS lat FROM t";
    NormalizedSql n = Dialect.normalize(sql);
    assertThat(n.text())
        .isEqualTo("SELECT (`end`.TIMESTAMP_USECS - `start`.TIMESTAMP_USECS) AS lat FROM t");
    // An error on the rewritten name points at the whole original spelling.
    int at = n.text().indexOf("TIMESTAMP_USECS");
    assertThat(n.originalSpan(at, at + "TIMESTAMP_USECS".length()))
        .isEqualTo(new SourceSpan(12, 12 + "common_timestamp.usecs".length()));
    // Only that spelling, without spaces: a field of another name keeps its meaning.
    assertThat(norm("SELECT common_timestamp . usecs, x.usecs FROM t"))
        .isEqualTo("SELECT common_timestamp . usecs, x.usecs FROM t");
  }

  // ---- reserved words as names

  @Test
  void reservedWordsUsedAsNamesAreQuoted() {
    assertThat(
            norm(
                "SELECT start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS lat FROM"
                    + " sched_waking AS start JOIN sched_switch AS end ON start.pid ="
                    + " end.next_pid"))
        .isEqualTo(
            "SELECT `start`.pid, (`end`.TIMESTAMP_USECS - `start`.TIMESTAMP_USECS) AS lat FROM"
                + " sched_waking AS `start` JOIN sched_switch AS `end` ON `start`.pid ="
                + " `end`.next_pid");
    assertThat(
            norm(
                "SELECT s.pid FROM sched_waking start JOIN sched_switch end ON start.pid ="
                    + " end.next_pid"))
        .isEqualTo(
            "SELECT s.pid FROM sched_waking `start` JOIN sched_switch `end` ON `start`.pid ="
                + " `end`.next_pid");
    assertThat(
            norm(
                "SELECT order, value, t.function, count, year FROM mm_page_alloc AS t WHERE order >"
                    + " 0"))
        .isEqualTo(
            "SELECT `order`, `value`, t.`function`, `count`, `year` FROM mm_page_alloc AS t WHERE"
                + " `order` > 0");
    assertThat(norm("SELECT by, group, order FROM t"))
        .isEqualTo("SELECT `by`, `group`, `order` FROM t");
    assertThat(norm("SELECT a AS return, b AS Group FROM t"))
        .isEqualTo("SELECT a AS `return`, b AS `Group` FROM t");
  }

  @Test
  void pseudoFieldsAreNames() {
    assertThat(
            norm(
                "SELECT TIMESTAMP, e.TIMESTAMP, e.timestamp, TIMESTAMP_DELTA_USECS, e.STACKTRACE,"
                    + " CPU, COMM FROM t e"))
        .isEqualTo(
            "SELECT `TIMESTAMP`, e.`TIMESTAMP`, e.`timestamp`, TIMESTAMP_DELTA_USECS, e.STACKTRACE,"
                + " CPU, COMM FROM t e");
  }

  @Test
  void keywordsStayWhereTheGrammarUsesThem() {
    assertThat(norm("SELECT count, COUNT(*) FROM t GROUP BY count ORDER BY COUNT(*) DESC LIMIT 3"))
        .isEqualTo(
            "SELECT `count`, COUNT(*) FROM t GROUP BY `count` ORDER BY COUNT(*) DESC LIMIT 3");
    assertThat(norm("SELECT offset, limit FROM t WHERE offset > 0 LIMIT 10 OFFSET 0x10"))
        .isEqualTo("SELECT `offset`, `limit` FROM t WHERE `offset` > 0 LIMIT 10 OFFSET 16");
    assertThat(
            norm(
                "SELECT left, right FROM a LEFT JOIN b ON a.x = b.x RIGHT OUTER JOIN c ON c.y ="
                    + " b.y"))
        .isEqualTo(
            "SELECT `left`, `right` FROM a LEFT JOIN b ON a.x = b.x RIGHT OUTER JOIN c ON c.y ="
                + " b.y");
    assertThat(norm("SELECT CASE WHEN end.x > 0 THEN 1 END AS end FROM t end"))
        .isEqualTo("SELECT CASE WHEN `end`.x > 0 THEN 1 END AS `end` FROM t `end`");
  }

  // ---- CAST targets

  @Test
  void histModifiersAsCastTargetsAreQuotedLowerCase() {
    assertThat(
            norm(
                "SELECT CAST(call_site AS SYM-OFFSET), CAST(ptr as sym), CAST(id AS Syscall) FROM"
                    + " t"))
        .isEqualTo(
            "SELECT CAST(call_site AS `sym-offset`), CAST(ptr as `sym`), CAST(id AS `syscall`) FROM"
                + " t");
    assertThat(
            norm(
                "SELECT CAST(a AS HEX), CAST(b AS log2), CAST(c AS _COUNTER_), CAST(d AS"
                    + " __counter__) FROM t"))
        .isEqualTo(
            "SELECT CAST(a AS `hex`), CAST(b AS `log2`), CAST(c AS `_counter_`), CAST(d AS"
                + " `__counter__`) FROM t");
    assertThat(
            norm(
                "SELECT CAST(common_pid AS COMM), CAST(common_pid AS execname), CAST(s.STACKTRACE"
                    + " AS stacktrace) FROM t s"))
        .isEqualTo(
            "SELECT CAST(common_pid AS `comm`), CAST(common_pid AS `execname`), CAST(s.STACKTRACE"
                + " AS `stacktrace`) FROM t s");
    assertThat(
            norm(
                "SELECT CAST(a AS usecs), CAST(b AS Percent), CAST(c AS graph), CAST(d AS log) FROM"
                    + " t"))
        .isEqualTo(
            "SELECT CAST(a AS `usecs`), CAST(b AS `percent`), CAST(c AS `graph`), CAST(d AS `log`)"
                + " FROM t");
  }

  @Test
  void bucketsTakesItsSize() {
    assertThat(
            norm(
                "SELECT CAST(bytes_req AS BUCKETS=100), CAST(x AS bucket = 0x10), CAST(y AS"
                    + " buckets) FROM t"))
        .isEqualTo(
            "SELECT CAST(bytes_req AS `buckets=100`), CAST(x AS `bucket=16`), CAST(y AS `buckets`)"
                + " FROM t");
  }

  @Test
  void castTypesAndNestedCastsAreLeftAlone() {
    assertThat(norm("SELECT CAST(CAST(start.x AS BIGINT) AS hex), CAST(y AS FOO) FROM t AS start"))
        .isEqualTo(
            "SELECT CAST(CAST(`start`.x AS BIGINT) AS `hex`), CAST(y AS FOO) FROM t AS `start`");
    assertThat(norm("SELECT CAST(x AS sym - offset) FROM t"))
        .isEqualTo("SELECT CAST(x AS `sym` - offset) FROM t");
  }

  // ---- lexical errors

  @Test
  void lexicalErrorsNameTheProblemAndPointAtIt() {
    assertError("SELECT a FROM t WHERE c = \"bash", "unterminated string", 26, 31);
    assertError("SELECT a FROM t WHERE c = 'bash", "unterminated string", 26, 31);
    assertError("SELECT `a FROM t", "unterminated quoted name", 7, 16);
    assertError("SELECT a FROM t /* x", "unterminated comment", 16, 20);
    assertError("SELECT $a FROM t", "unexpected character '$'", 7, 8);
    assertError("SELECT a FROM t WHERE #x", "unexpected character '#'", 22, 23);
    assertError("SELECT \\1 FROM t", "'\\' must be followed by a name, as in \\from", 7, 8);
  }

  @Test
  void errorMessagesAreOneLine() {
    SqlError e = catchError("SELECT a\nFROM t WHERE c = @");
    assertThat(e.getMessage()).doesNotContain("\n");
    assertThat(e.render("SELECT a\nFROM t WHERE c = @"))
        .isEqualTo("unexpected character '@'\n  FROM t WHERE c = @\n                   ^");
  }

  // ---- offsets

  @Test
  void mapCoversTextAndEnd() {
    String sql = "SELECT a FROM t WHERE b == \"x\" && c ~ 'y*' || !d";
    NormalizedSql n = Dialect.normalize(sql);
    assertThat(n.original()).isEqualTo(sql);
    assertThat(n.toOriginal()).hasSize(n.text().length() + 1);
    assertThat(n.toOriginal()[n.text().length()]).isEqualTo(sql.length());
    assertThat(n.toOriginal()).isSorted();
  }

  @Test
  void rewrittenTokensMapToWhatTheUserTyped() {
    String sql = "SELECT a FROM t WHERE b == \"x\" && c ~ 'y*'";
    NormalizedSql n = Dialect.normalize(sql);
    assertThat(n.text()).isEqualTo("SELECT a FROM t WHERE b = 'x' AND GLOB(c, 'y*')");
    assertThat(n.originalOffset(n.text().indexOf('='))).isEqualTo(sql.indexOf("=="));
    assertThat(n.originalOffset(n.text().indexOf("'x'"))).isEqualTo(sql.indexOf("\"x\""));
    assertThat(n.originalSpan(n.text().indexOf("AND"), n.text().indexOf("AND") + 3))
        .isEqualTo(new SourceSpan(sql.indexOf("&&"), sql.indexOf("&&") + 2));
    assertThat(n.originalOffset(n.text().indexOf("GLOB"))).isEqualTo(sql.indexOf("c ~"));
    assertThat(n.originalOffset(n.text().indexOf(", 'y*'"))).isEqualTo(sql.indexOf('~'));
  }

  @Test
  void parserErrorAfterRewritesPointsAtOriginal() throws Exception {
    String sql = "SELECT start.pid FROM t AS start WHERE c == \"cyclictest\" && d == == 3";
    NormalizedSql n = Dialect.normalize(sql);
    SqlParseException e = parseError(n.text());
    int offset = n.offsetOf(e.getPos().getLineNum(), e.getPos().getColumnNum());
    // Calcite reports 'Encountered "= ="' at the first '=', i.e. the user's first '=='.
    assertThat(n.originalOffset(offset)).isEqualTo(sql.indexOf("d ==") + 2);
  }

  @Test
  void parserErrorOnLaterLineMapsBack() throws Exception {
    String sql = "SELECT start.pid\r\nFROM t AS start\nWHERE c == \"x\" && d == == 3";
    NormalizedSql n = Dialect.normalize(sql);
    SqlParseException e = parseError(n.text());
    int offset = n.offsetOf(e.getPos().getLineNum(), e.getPos().getColumnNum());
    // Calcite reports 'Encountered "= ="' at the first '=', i.e. the user's first '=='.
    assertThat(n.originalOffset(offset)).isEqualTo(sql.indexOf("d ==") + 2);
  }

  // ---- helpers

  private static SqlParseException parseError(String text) {
    try {
      SqlParser.create(text, Dialect.PARSER_CONFIG).parseQuery();
    } catch (SqlParseException e) {
      return e;
    }
    throw new AssertionError("parsed: " + text);
  }

  private static SqlError catchError(String sql) {
    try {
      Dialect.normalize(sql);
    } catch (SqlError e) {
      return e;
    }
    throw new AssertionError("no error for: " + sql);
  }

  private static void assertError(String sql, String message, int start, int end) {
    SqlError e = catchError(sql);
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.span()).contains(new SourceSpan(start, end));
  }
}
