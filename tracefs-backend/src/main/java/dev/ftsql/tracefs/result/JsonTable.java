package dev.ftsql.tracefs.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ftsql.tracefs.hist.HistKey;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.CharBuffer;

/**
 * The {@code json} format: exactly one document,
 * {@code {"columns":[{"name":..,"type":..}],"rows":[{..}],"totals":{"hits":..,"entries":..,"dropped":..}}},
 * then a newline. A row is an object keyed by column name. Numbers are JSON numbers (u64 above
 * 2^63 too); an average is a decimal; NULL is null. Keys that are more than a number are objects:
 * symbol {@code {"address":"0x..","symbol":..}}, execname {@code {"comm":..,"pid":..}}, syscall
 * {@code {"name":..,"id":..}}, log2 {@code {"log2":N,"min":..,"max":..}} and bucket
 * {@code {"min":..,"max":..}} (bounds inclusive), stack an array of frames; hex (a {@code hex()} key
 * or a {@code SUM(hex(x))}) is a string {@code "0x.."}, so that addresses survive JavaScript's
 * doubles. A column's {@code type} comes from the plan, not from the text the kernel printed: a
 * string key is a string even when it is all digits.
 */
final class JsonTable {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private JsonTable() {}

  static void write(ResultTable table, Appendable out) throws IOException {
    Writer writer = out instanceof Writer ? (Writer) out : new AppendableWriter(out);
    try (JsonGenerator g = MAPPER.createGenerator(writer)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeArrayFieldStart("columns");
      for (Column c : table.columns()) {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("type", c.type().jsonName());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("rows");
      for (Row r : table.rows()) {
        g.writeStartObject();
        for (int c = 0; c < table.columns().size(); c++) {
          Column column = table.columns().get(c);
          g.writeFieldName(column.name());
          if (column.type() == ColumnType.STRING || column.type() == ColumnType.HEX) {
            stringOrNull(r.cell(c), g);
          } else {
            cell(r.cell(c), g);
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("totals");
      g.writeFieldName("hits");
      unsigned(table.totals().hits(), g);
      g.writeFieldName("entries");
      unsigned(table.totals().entries(), g);
      g.writeFieldName("dropped");
      unsigned(table.totals().dropped(), g);
      g.writeEndObject();
      g.writeEndObject();
    }
    writer.flush();
    out.append('\n');
  }

  /** A string column's cells are strings, whatever their text looks like; a hex column's too. */
  private static void stringOrNull(Cell cell, JsonGenerator g) throws IOException {
    if (cell instanceof Cell.Null) {
      g.writeNull();
    } else {
      g.writeString(cell.text());
    }
  }

  private static void cell(Cell cell, JsonGenerator g) throws IOException {
    if (cell instanceof Cell.Number) {
      unsigned(((Cell.Number) cell).value(), g);
    } else if (cell instanceof Cell.Hex) {
      g.writeString(cell.text());
    } else if (cell instanceof Cell.Decimal) {
      g.writeNumber(((Cell.Decimal) cell).value());
    } else if (cell instanceof Cell.Key) {
      key(((Cell.Key) cell).key(), g);
    } else {
      g.writeNull();
    }
  }

  private static void key(HistKey key, JsonGenerator g) throws IOException {
    if (key instanceof HistKey.Number) {
      unsigned(((HistKey.Number) key).value(), g);
    } else if (key instanceof HistKey.Symbol) {
      HistKey.Symbol s = (HistKey.Symbol) key;
      g.writeStartObject();
      g.writeStringField("address", "0x" + Long.toHexString(s.address()));
      g.writeStringField("symbol", s.symbol());
      g.writeEndObject();
    } else if (key instanceof HistKey.Execname) {
      HistKey.Execname e = (HistKey.Execname) key;
      g.writeStartObject();
      g.writeStringField("comm", e.comm());
      g.writeFieldName("pid");
      unsigned(e.pid(), g);
      g.writeEndObject();
    } else if (key instanceof HistKey.Syscall) {
      HistKey.Syscall s = (HistKey.Syscall) key;
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeFieldName("id");
      unsigned(s.id(), g);
      g.writeEndObject();
    } else if (key instanceof HistKey.Log2) {
      HistKey.Log2 l = (HistKey.Log2) key;
      g.writeStartObject();
      g.writeNumberField("log2", l.exponent());
      g.writeFieldName("min");
      unsigned(l.low(), g);
      g.writeFieldName("max");
      unsigned(l.high(), g);
      g.writeEndObject();
    } else if (key instanceof HistKey.Bucket) {
      HistKey.Bucket b = (HistKey.Bucket) key;
      g.writeStartObject();
      g.writeFieldName("min");
      unsigned(b.low(), g);
      g.writeFieldName("max");
      unsigned(b.high(), g);
      g.writeEndObject();
    } else if (key instanceof HistKey.Stack) {
      g.writeStartArray();
      for (String frame : ((HistKey.Stack) key).frames()) {
        g.writeString(frame);
      }
      g.writeEndArray();
    } else {
      // Text, Hex and Raw are strings as shown.
      g.writeString(key.text());
    }
  }

  private static void unsigned(long value, JsonGenerator g) throws IOException {
    if (value >= 0) {
      g.writeNumber(value);
    } else {
      g.writeNumber(new BigInteger(Long.toUnsignedString(value)));
    }
  }

  /** Lets Jackson write to any Appendable (a StringBuilder, a PrintStream). */
  private static final class AppendableWriter extends Writer {
    private final Appendable out;

    AppendableWriter(Appendable out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      out.append(CharBuffer.wrap(buf, off, len));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
