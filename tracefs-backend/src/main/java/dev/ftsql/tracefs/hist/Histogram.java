package dev.ftsql.tracefs.hist;

import java.util.List;
import java.util.Optional;

/**
 * One histogram block of a {@code hist} file.
 *
 * @param trigger the {@code # trigger info:} line, parsed
 * @param entries the entries in the kernel's order (its {@code sort=})
 * @param totals the {@code Totals:} block
 * @param snapshot the lines of a {@code Snapshot taken} block, as printed, if a snapshot was taken
 */
public record Histogram(TriggerInfo trigger, List<HistEntry> entries, Totals totals, Optional<String> snapshot) {
  public Histogram {
    entries = List.copyOf(entries);
  }
}
