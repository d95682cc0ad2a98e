package dev.ftsql.tracefs.hist;

import java.util.List;
import java.util.Optional;

/** A parsed {@code hist} file: one histogram per hist trigger on the event, in trigger order. */
public record HistFile(List<Histogram> histograms) {
  public HistFile {
    histograms = List.copyOf(histograms);
  }

  /**
   * The histogram of {@code trigger} (the text ftsql wrote, or as read back). The kernel prints
   * its own canonical text, so texts are compared part by part: the keys (in order), the values
   * (as a set, without the implicit {@code hitcount}) and the filter (spacing aside) must be the
   * same. Among several such blocks the one that also has the same sort keys (none written means
   * {@code hitcount}) and the same variables and actions wins, else the first. The kernel refuses a
   * second trigger that agrees with one on keys, values, sort and filter, so this finds the one meant.
   */
  public Optional<Histogram> find(String trigger) {
    TriggerInfo wanted = TriggerInfo.parse(trigger);
    Histogram best = null;
    int bestScore = -1;
    for (Histogram h : histograms) {
      if (!h.trigger().sameHistogramAs(wanted)) {
        continue;
      }
      int score = (h.trigger().sameSortAs(wanted) ? 2 : 0) + (h.trigger().sameActionsAs(wanted) ? 1 : 0);
      if (score > bestScore) {
        best = h;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }
}
