package dev.ftsql.sql.analyze;

import dev.ftsql.sql.catalog.EventField;
import dev.ftsql.sql.catalog.EventFormat;
import java.util.HashSet;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** An event as a Calcite table: its format fields, then the pseudo-columns it does not shadow. */
final class EventTable extends AbstractTable {
  private final EventFormat event;

  EventTable(EventFormat event) {
    this.event = event;
  }

  EventFormat event() {
    return event;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory types) {
    RelDataTypeFactory.Builder row = types.builder();
    Set<String> names = new HashSet<>();
    for (EventField f : event.fields()) {
      if (names.add(f.name())) {
        row.add(f.name(), sqlType(types, f));
      }
    }
    for (PseudoColumn p : PseudoColumn.ALL) {
      if (names.add(p.name())) {
        row.add(p.name(), pseudoType(types, p));
      }
    }
    return row.build();
  }

  private static RelDataType sqlType(RelDataTypeFactory types, EventField f) {
    return switch (f.kind()) {
      case INTEGER, POINTER -> bigint(types);
      case FIXED_STRING, DYNAMIC_STRING, REL_STRING -> varchar(types);
      case FIXED_ARRAY, DYNAMIC_ARRAY -> types.createSqlType(SqlTypeName.ANY);
    };
  }

  private static RelDataType pseudoType(RelDataTypeFactory types, PseudoColumn p) {
    return switch (p.kind()) {
      case COMM -> varchar(types);
      case STACKTRACE -> types.createSqlType(SqlTypeName.ANY);
      default -> bigint(types);
    };
  }

  private static RelDataType bigint(RelDataTypeFactory types) {
    return types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), false);
  }

  private static RelDataType varchar(RelDataTypeFactory types) {
    return types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR, 256), false);
  }
}
