package dev.ftsql.sql.analyze;

import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.catalog.EventFormat;
import dev.ftsql.sql.query.Column;
import dev.ftsql.sql.query.Display;
import dev.ftsql.sql.query.Expr;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/** Resolves column names of a join to (event index, column), by alias or by the unique owner. */
final class JoinColumns {
  private final List<String> aliases;
  private final List<EventFormat> events;
  private final List<ColumnResolver> resolvers = new ArrayList<>();
  private final ParsedStatement st;

  JoinColumns(List<String> aliases, List<EventFormat> events, ParsedStatement st) {
    this.aliases = List.copyOf(aliases);
    this.events = List.copyOf(events);
    this.st = st;
    for (int i = 0; i < events.size(); i++) {
      resolvers.add(new ColumnResolver(events.get(i), aliases.get(i), st));
    }
  }

  int size() {
    return events.size();
  }

  ColumnResolver resolver(int event) {
    return resolvers.get(event);
  }

  String alias(int event) {
    return aliases.get(event);
  }

  /** The event an identifier belongs to. */
  int eventOf(SqlIdentifier id) {
    if (id.names.size() >= 2) {
      String qualifier = id.names.get(id.names.size() - 2);
      int i = aliases.indexOf(qualifier);
      if (i >= 0) {
        return i;
      }
      throw new SqlError("unknown event alias '" + qualifier + "'", st.span(id));
    }
    String name = id.getSimple();
    int found = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).field(name).isPresent()) {
        if (found >= 0) {
          throw new SqlError("'" + name + "' is in both " + aliases.get(found) + " and " + aliases.get(i)
              + "; qualify it (" + aliases.get(i) + "." + name + ")", st.span(id));
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new SqlError("qualify '" + name + "' with the event it belongs to, e.g. " + aliases.get(0) + "." + name,
          st.span(id));
    }
    return found;
  }

  Expr.ColumnRef resolve(SqlIdentifier id) {
    int event = eventOf(id);
    Column c = resolvers.get(event).resolve(id);
    return new Expr.ColumnRef(event, c, c.usecs() ? Display.USECS : Display.PLAIN, st.span(id));
  }

  /** The declared C type of a column, for synthetic field types ({@code pid_t} stays pid_t). */
  String declaredType(Expr.ColumnRef ref) {
    return events.get(ref.event()).field(ref.column().field()).map(f -> f.declaredType()).orElse("");
  }
}
