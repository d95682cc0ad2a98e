package dev.ftsql.sql.dialect;

/** Rewrites sqlhist's spellings into standard SQL for Calcite's core parser. */
public final class Dialect {
  private Dialect() {}

  public static NormalizedSql normalize(String sql) {
    int[] map = new int[sql.length() + 1];
    for (int i = 0; i < map.length; i++) {
      map[i] = i;
    }
    return new NormalizedSql(sql, sql, map);
  }
}
