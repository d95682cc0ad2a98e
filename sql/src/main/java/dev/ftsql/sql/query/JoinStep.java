package dev.ftsql.sql.query;

import java.util.List;

/**
 * Step {@code k} of a join chain: event {@code k} matched against what came before, on equal keys.
 *
 * @param event the index of the event joined at this step (1..n)
 * @param keys the ON equalities, in the order written
 */
public record JoinStep(int event, List<KeyPair> keys) {
  public JoinStep {
    keys = List.copyOf(keys);
  }

  /** {@code earlier.column = event.column}: {@code left} is from an earlier event. */
  public record KeyPair(Expr.ColumnRef left, Expr.ColumnRef right) {}
}
