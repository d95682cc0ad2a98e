package dev.ftsql.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 1.5s}; a bare number is seconds. */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.strip());
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a duration: use 10s, 500ms, 2m or 1h");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> n;
      case "m" -> n * 60_000;
      case "h" -> n * 3_600_000;
      default -> n * 1000;
    };
    Duration d = Duration.ofMillis(Math.round(millis));
    if (d.isZero()) {
      throw new TypeConversionException("'" + value + "' is too short");
    }
    return d;
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : s >= 60 ? String.format("%d:%02d", s / 60, s % 60) : s + "s";
  }
}
