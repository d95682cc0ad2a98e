package dev.ftsql.sql.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The events (tables) of one kernel, and its tracefs README (the feature list). Immutable. Built by
 * {@link CatalogLoader} from a live tracefs, a copy of one, or a snapshot.
 */
public interface EventCatalog {
  /** Where it came from, for messages: {@code /sys/kernel/tracing}, {@code embedded 6.12}... */
  String source();

  /** {@code uname -r} of the kernel it was captured from, or empty when unknown (a live mount). */
  String kernelRelease();

  /** The tracefs README text (empty when the source has none). */
  String readme();

  /** The tracefs trace_clock text (e.g. {@code [local] global counter ...}), empty when unknown. */
  String traceClock();

  Optional<EventFormat> event(String system, String name);

  /** All events named {@code name} in any system (several when ambiguous), sorted by system. */
  List<EventFormat> eventsNamed(String name);

  /** Every {@code system/name}, sorted. Cheap: does not parse formats. */
  List<String> eventPaths();
}
