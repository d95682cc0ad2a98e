package dev.ftsql.sql.catalog;

import dev.ftsql.sql.SqlError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link EventCatalog} over the raw files of one tracefs. A format is parsed on its first lookup
 * and cached, because a kernel has thousands of events and a query names a few.
 */
final class LoadedCatalog implements EventCatalog {
  private final String source;
  private final String kernelRelease;
  private final String readme;
  private final String traceClock;
  private final FormatTexts formats;
  private final List<String> eventPaths;
  private final Map<String, List<String>> systemsByName;
  private final Map<String, EventFormat> parsed = new ConcurrentHashMap<>();

  LoadedCatalog(String source, TracefsFiles files) {
    this(
        source,
        files.kernelRelease(),
        files.readme(),
        files.traceClock(),
        FormatTexts.inMemory(files.formats()));
  }

  LoadedCatalog(
      String source, String kernelRelease, String readme, String traceClock, FormatTexts formats) {
    this.source = source;
    this.kernelRelease = kernelRelease;
    this.readme = readme;
    this.traceClock = traceClock;
    this.formats = formats;
    this.eventPaths = formats.paths();
    Map<String, List<String>> systems = new HashMap<>();
    for (String path : eventPaths) {
      int slash = path.indexOf('/');
      // Paths are sorted, so each list comes out sorted by system.
      systems
          .computeIfAbsent(path.substring(slash + 1), name -> new ArrayList<>())
          .add(path.substring(0, slash));
    }
    this.systemsByName = systems;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public String kernelRelease() {
    return kernelRelease;
  }

  @Override
  public String readme() {
    return readme;
  }

  @Override
  public String traceClock() {
    return traceClock;
  }

  /**
   * {@inheritDoc}
   *
   * @throws SqlError when the event's format file is not a trace event format
   */
  @Override
  public Optional<EventFormat> event(String system, String name) {
    String path = system + "/" + name;
    EventFormat format = parsed.get(path);
    if (format == null) {
      String text = formats.text(path);
      if (text == null) {
        return Optional.empty();
      }
      format = parse(system, name, text);
      EventFormat raced = parsed.putIfAbsent(path, format);
      format = raced == null ? format : raced;
    }
    return Optional.of(format);
  }

  /**
   * {@inheritDoc}
   *
   * <p>An event whose format file cannot be parsed is left out: the user did not name its system.
   */
  @Override
  public List<EventFormat> eventsNamed(String name) {
    List<EventFormat> found = new ArrayList<>();
    for (String system : systemsByName.getOrDefault(name, List.of())) {
      try {
        event(system, name).ifPresent(found::add);
      } catch (SqlError malformed) {
        // Reported when the event is named with its system.
      }
    }
    return List.copyOf(found);
  }

  @Override
  public List<String> eventPaths() {
    return eventPaths;
  }

  @Override
  public String toString() {
    return "EventCatalog[" + source + ", " + eventPaths.size() + " events]";
  }

  private EventFormat parse(String system, String name, String text) {
    try {
      return FormatParser.parse(system, name, text);
    } catch (SqlError e) {
      throw new SqlError(e.getMessage() + " (in " + source + ")");
    }
  }
}
