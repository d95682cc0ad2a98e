package dev.ftsql.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable name for a plan the user did not name: {@code ftsql_} plus 8 hex digits of the SHA-256
 * of the statement with its whitespace collapsed, so the same query always compiles to the same
 * text, and different queries can be applied side by side.
 */
public final class PlanName {
  private PlanName() {}

  public static String derive(String sql) {
    String canonical = sql.strip().replaceAll("\\s+", " ");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return "ftsql_" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }
}
