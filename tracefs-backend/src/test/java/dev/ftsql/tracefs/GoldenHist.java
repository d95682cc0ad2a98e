package dev.ftsql.tracefs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hist files captured from real kernels by {@code hist/capture.sh}: for each kernel and case,
 * {@code <case>.hist} (the file byte for byte) and {@code <case>.trigger} (the lines written).
 */
public final class GoldenHist {
  public static final List<String> KERNELS = List.of("6.1", "6.12");

  private GoldenHist() {}

  public static String hist(String kernel, String name) {
    return resource(kernel + "/" + name + ".hist");
  }

  /** The trigger lines the payload wrote for the case, in order. */
  public static List<String> triggers(String kernel, String name) {
    return resource(kernel + "/" + name + ".trigger").lines().toList();
  }

  private static String resource(String path) {
    String full = "/dev/ftsql/tracefs/hist/" + path;
    try (InputStream in = GoldenHist.class.getResourceAsStream(full)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + full);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
