package dev.ftsql.tracefs.result;

import dev.ftsql.tracefs.hist.HistKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;

/** One value of a result row. */
public sealed interface Cell {

  /** Orders cells for ORDER BY: numbers by value, keys as the kernel sorts them, nulls last. */
  Comparator<Cell> ORDER = Cell::compare;

  /** How a table or CSV shows it; empty for {@link Null}. */
  String text();

  /** The value for HAVING and ORDER BY, when it has a numeric one. */
  Optional<BigDecimal> number();

  /** A key value, as read from the histogram. */
  record Key(HistKey key) implements Cell {
    public String text() {
      return key.text();
    }

    public Optional<BigDecimal> number() {
      OptionalLong n = key.number();
      return n.isPresent() ? Optional.of(unsigned(n.getAsLong())) : Optional.empty();
    }
  }

  /** An unsigned 64-bit count or sum. */
  record Number(long value) implements Cell {
    public String text() {
      return Long.toUnsignedString(value);
    }

    public Optional<BigDecimal> number() {
      return Optional.of(unsigned(value));
    }
  }

  /** A sum the query asked to see in hex ({@code SUM(hex(x))}): shown {@code 0x..}, compared as a number. */
  record Hex(long value) implements Cell {
    public String text() {
      return "0x" + Long.toHexString(value);
    }

    public Optional<BigDecimal> number() {
      return Optional.of(unsigned(value));
    }
  }

  /** An average. */
  record Decimal(BigDecimal value) implements Cell {
    public String text() {
      return value.toPlainString();
    }

    public Optional<BigDecimal> number() {
      return Optional.of(value);
    }
  }

  /** No value: SQL NULL, as SUM, AVG and MAX give over no rows at all. */
  record Null() implements Cell {
    public String text() {
      return "";
    }

    public Optional<BigDecimal> number() {
      return Optional.empty();
    }
  }

  private static BigDecimal unsigned(long value) {
    return value >= 0
        ? BigDecimal.valueOf(value)
        : new BigDecimal(new BigInteger(Long.toUnsignedString(value)));
  }

  private static int compare(Cell a, Cell b) {
    if (a instanceof Null || b instanceof Null) {
      return Boolean.compare(a instanceof Null, b instanceof Null);
    }
    if (a instanceof Key && b instanceof Key) {
      return HistKey.ORDER.compare(((Key) a).key(), ((Key) b).key());
    }
    if (a instanceof Number && b instanceof Number) {
      return Long.compareUnsigned(((Number) a).value(), ((Number) b).value());
    }
    Optional<BigDecimal> x = a.number();
    Optional<BigDecimal> y = b.number();
    if (x.isPresent() && y.isPresent()) {
      return x.get().compareTo(y.get());
    }
    return a.text().compareTo(b.text());
  }
}
