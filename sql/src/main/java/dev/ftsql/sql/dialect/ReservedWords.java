package dev.ftsql.sql.dialect;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;

/** The words Calcite's core parser reserves, read once from the parser the compiler uses. */
final class ReservedWords {
  // Asking the parser (not a copied list) keeps us right across Calcite upgrades; ~10 ms, once.
  private static final Set<String> RESERVED = load();

  private ReservedWords() {}

  static boolean contains(String upperCaseWord) {
    return RESERVED.contains(upperCaseWord);
  }

  private static Set<String> load() {
    SqlAbstractParserImpl.Metadata metadata =
        SqlParser.create("", Dialect.PARSER_CONFIG).getMetadata();
    return metadata.getTokens().stream()
        .filter(metadata::isReservedWord)
        .collect(Collectors.toUnmodifiableSet());
  }
}
