package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.EventCatalog;
import dev.ftsql.sql.catalog.EventFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves a table name of the statement to an event of the catalog: {@code system.event}, or a bare
 * {@code event} when exactly one system has it. Names only ever come from the catalog, so no
 * statement can make ftsql touch a path it did not list.
 */
final class EventResolver {
  private final EventCatalog catalog;

  EventResolver(EventCatalog catalog) {
    this.catalog = catalog;
  }

  EventFormat resolve(List<String> names, SourceSpan span) {
    if (names.size() == 2) {
      return catalog
          .event(names.get(0), names.get(1))
          .orElseThrow(() -> unknown(names.get(0) + "." + names.get(1), span));
    }
    if (names.size() != 1) {
      throw new SqlError("an event is named 'event' or 'system.event', not '" + String.join(".", names) + "'", span);
    }
    String name = names.get(0);
    List<EventFormat> found = catalog.eventsNamed(name);
    if (found.isEmpty()) {
      throw unknown(name, span);
    }
    if (found.size() > 1) {
      String candidates =
          found.stream().map(e -> e.system() + "." + e.name()).collect(Collectors.joining(", "));
      throw new SqlError("event '" + name + "' is ambiguous; write one of: " + candidates, span);
    }
    return found.get(0);
  }

  private SqlError unknown(String name, SourceSpan span) {
    List<String> paths = catalog.eventPaths();
    List<String> candidates =
        name.contains(".")
            ? paths.stream().map(p -> p.replace('/', '.')).toList()
            : paths.stream().map(p -> p.substring(p.indexOf('/') + 1)).distinct().toList();
    return new SqlError(
        "unknown event '" + name + "' in " + catalog.source() + Suggestions.didYouMean(name, candidates),
        span);
  }
}
