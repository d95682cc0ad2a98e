package dev.ftsql.sql.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

class ReservedWordsTest {
  @Test
  void theCopiedListIsTheParsersOwn() {
    SqlAbstractParserImpl.Metadata metadata =
        SqlParser.create("", Dialect.PARSER_CONFIG).getMetadata();
    Set<String> parsers =
        metadata.getTokens().stream().filter(metadata::isReservedWord).collect(Collectors.toSet());

    assertThat(ReservedWords.WORDS).containsExactlyInAnyOrderElementsOf(parsers);
  }
}
