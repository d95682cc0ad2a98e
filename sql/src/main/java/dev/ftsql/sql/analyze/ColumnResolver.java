package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SourceSpan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.EventField;
import dev.ftsql.sql.catalog.EventFormat;
import dev.ftsql.sql.query.Column;
import dev.ftsql.sql.query.ColumnKind;
import org.apache.calcite.sql.SqlIdentifier;

/** Turns a (validated) column identifier into a {@link Column} of the FROM event. */
final class ColumnResolver {
  private final EventFormat event;
  private final String alias;
  private final ParsedStatement statement;

  ColumnResolver(EventFormat event, String alias, ParsedStatement statement) {
    this.event = event;
    this.alias = alias;
    this.statement = statement;
  }

  Column resolve(SqlIdentifier id) {
    SourceSpan span = statement.span(id);
    String name = id.names.get(id.names.size() - 1);
    EventField field = event.field(name).orElse(null);
    if (field != null) {
      return fromField(field, span);
    }
    return PseudoColumn.named(name)
        .map(p -> new Column(event.path(), p.field(), p.kind(), 8, false, p.usecs(), span))
        .orElseThrow(() -> new SqlError("unknown field '" + name + "' in " + event.path(), span));
  }

  String alias() {
    return alias;
  }

  private Column fromField(EventField f, SourceSpan span) {
    ColumnKind kind =
        switch (f.kind()) {
          case INTEGER, POINTER -> ColumnKind.NUMBER;
          case FIXED_STRING -> ColumnKind.FIXED_STRING;
          case DYNAMIC_STRING, REL_STRING -> ColumnKind.DYNAMIC_STRING;
          case FIXED_ARRAY -> ColumnKind.ARRAY;
          // A synthetic event's unsigned long[] field holds a stack (a join's STACKTRACE column).
          case DYNAMIC_ARRAY -> event.system().equals(SyntheticFormat.SYSTEM) && f.declaredType().contains("long")
              ? ColumnKind.STACKTRACE : ColumnKind.ARRAY;
        };
    int size =
        switch (kind) {
          case FIXED_STRING -> f.arrayLength();
          case DYNAMIC_STRING -> 256;
          default -> f.size();
        };
    return new Column(event.path(), f.name(), kind, size, f.signed(), false, span);
  }
}
