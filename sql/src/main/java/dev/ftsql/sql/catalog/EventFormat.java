package dev.ftsql.sql.catalog;

import java.util.List;
import java.util.Optional;

/** A trace event as its {@code events/<system>/<name>/format} file describes it. */
public record EventFormat(String system, String name, int id, List<EventField> fields, String printFmt) {
  public EventFormat {
    fields = List.copyOf(fields);
  }

  /** {@code system/name}, the event's directory under {@code events/}. */
  public String path() {
    return system + "/" + name;
  }

  public Optional<EventField> field(String fieldName) {
    for (EventField f : fields) {
      if (f.name().equals(fieldName)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
