package dev.ftsql.tracefs.hist;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * One key value of a histogram entry, typed by how the kernel rendered it. Numbers are the
 * kernel's u64: read them with {@link Long#toUnsignedString(long)} and compare them unsigned.
 */
public sealed interface HistKey {

  /** Orders keys as the kernel's {@code sort=} would: by the underlying number where there is one. */
  Comparator<HistKey> ORDER = HistKey::compare;

  /** The number the kernel keyed on (pid, syscall id, address, log2 exponent, bucket start), if any. */
  OptionalLong number();

  /** How ftsql shows the key in a table or CSV cell. */
  String text();

  /** {@code %llu}: a plain number (a negative signed field shows as a huge u64, as in the kernel). */
  record Number(long value) implements HistKey {
    public OptionalLong number() {
      return OptionalLong.of(value);
    }

    public String text() {
      return Long.toUnsignedString(value);
    }
  }

  /** A string field ({@code char[]} or {@code __data_loc char[]}), padding removed. */
  record Text(String value) implements HistKey {
    public OptionalLong number() {
      return OptionalLong.empty();
    }

    public String text() {
      return value;
    }
  }

  /** {@code .hex}. */
  record Hex(long value) implements HistKey {
    public OptionalLong number() {
      return OptionalLong.of(value);
    }

    public String text() {
      return "0x" + Long.toHexString(value);
    }
  }

  /**
   * {@code .sym} and {@code .sym-offset}: {@code [address] symbol}. The symbol is as the kernel
   * printed it ({@code kfree_skb+0x2a/0x90 [mod]}); empty when the kernel found none.
   */
  record Symbol(long address, String symbol) implements HistKey {
    public OptionalLong number() {
      return OptionalLong.of(address);
    }

    public String text() {
      return symbol.isEmpty() ? "0x" + Long.toHexString(address) : symbol;
    }
  }

  /** {@code common_pid.execname}: {@code comm [pid]}, the comm as it was when the entry was created. */
  record Execname(String comm, long pid) implements HistKey {
    public OptionalLong number() {
      return OptionalLong.of(pid);
    }

    public String text() {
      return comm + " [" + pid + "]";
    }
  }

  /**
   * {@code .syscall}: the name and the number. Every id the kernel cannot name shows as
   * {@code unknown_syscall}, so those keep their id in {@link #text()}.
   */
  record Syscall(String name, long id) implements HistKey {
    public OptionalLong number() {
      return OptionalLong.of(id);
    }

    public String text() {
      return name.startsWith("unknown") ? name + " [" + id + "]" : name;
    }
  }

  /**
   * {@code .log2}: {@code ~ 2^N}. The kernel keys on {@code ilog2(roundup_pow_of_two(v))}, so bucket N
   * holds the values in (2^(N-1), 2^N], and bucket 0 holds 0 and 1 (checked on 6.1 and 6.12).
   */
  record Log2(int exponent) implements HistKey {
    /** The smallest value in the bucket. */
    public long low() {
      return exponent == 0 ? 0 : (1L << (exponent - 1)) + 1;
    }

    /** The largest value in the bucket. */
    public long high() {
      return exponent >= 64 ? -1L : 1L << exponent;
    }

    public OptionalLong number() {
      return OptionalLong.of(exponent);
    }

    public String text() {
      return "2^" + exponent;
    }
  }

  /** {@code .buckets=N}: {@code ~ low-high}, both inclusive ({@code high = low + N - 1}). */
  record Bucket(long low, long high) implements HistKey {
    public OptionalLong number() {
      return OptionalLong.of(low);
    }

    public String text() {
      return Long.toUnsignedString(low) + "-" + Long.toUnsignedString(high);
    }
  }

  /** A stack trace key: the frames as printed ({@code func+0x1b/0x40 [module]}), innermost first. */
  record Stack(List<String> frames) implements HistKey {
    public Stack {
      frames = List.copyOf(frames);
    }

    public OptionalLong number() {
      return OptionalLong.empty();
    }

    public String text() {
      return String.join("\n", frames);
    }
  }

  /** A rendering this parser does not know, kept as the kernel printed it (padding removed). */
  record Raw(String value) implements HistKey {
    public OptionalLong number() {
      return OptionalLong.empty();
    }

    public String text() {
      return value;
    }
  }

  private static int compare(HistKey a, HistKey b) {
    OptionalLong x = a.number();
    OptionalLong y = b.number();
    if (x.isPresent() && y.isPresent()) {
      int c = Long.compareUnsigned(x.getAsLong(), y.getAsLong());
      return c != 0 ? c : a.text().compareTo(b.text());
    }
    if (x.isPresent() != y.isPresent()) {
      return x.isPresent() ? -1 : 1;
    }
    return a.text().compareTo(b.text());
  }
}
