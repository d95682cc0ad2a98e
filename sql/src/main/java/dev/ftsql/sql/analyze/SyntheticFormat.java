package dev.ftsql.sql.analyze;

import dev.ftsql.sql.catalog.EventField;
import dev.ftsql.sql.catalog.EventFormat;
import dev.ftsql.sql.catalog.FieldKind;
import dev.ftsql.sql.query.JoinOutput;
import dev.ftsql.sql.query.SynthType;
import java.util.ArrayList;
import java.util.List;

/** The format of a join's synthetic event, so a histogram over it is analyzed like any event's. */
final class SyntheticFormat {
  static final String SYSTEM = "synthetic";

  private SyntheticFormat() {}

  static EventFormat of(String name, List<JoinOutput> outputs) {
    List<EventField> fields = new ArrayList<>();
    fields.add(new EventField("common_type", "unsigned short", 0, 2, false, FieldKind.INTEGER, 0, true));
    fields.add(new EventField("common_flags", "unsigned char", 2, 1, false, FieldKind.INTEGER, 0, true));
    fields.add(new EventField("common_preempt_count", "unsigned char", 3, 1, false, FieldKind.INTEGER, 0, true));
    fields.add(new EventField("common_pid", "int", 4, 4, true, FieldKind.INTEGER, 0, true));
    int offset = 8;
    for (JoinOutput o : outputs) {
      SynthType t = o.type();
      FieldKind kind = switch (t.kind()) {
        case FIXED_STRING -> FieldKind.FIXED_STRING;
        case DYNAMIC_STRING -> FieldKind.DYNAMIC_STRING;
        case STACKTRACE -> FieldKind.DYNAMIC_ARRAY;
        default -> FieldKind.INTEGER;
      };
      int arrayLength = kind == FieldKind.FIXED_STRING ? t.size() : 0;
      fields.add(new EventField(o.name(), t.name(), offset, t.size(), t.signed(), kind, arrayLength, false));
      offset += 8;
    }
    return new EventFormat(SYSTEM, name, 0, fields, "");
  }
}
