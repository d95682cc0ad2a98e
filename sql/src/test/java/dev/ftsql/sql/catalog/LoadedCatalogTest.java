package dev.ftsql.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftsql.sql.SqlError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedCatalogTest {
  private static final String NOT_A_FORMAT = "<html>404</html>\n";

  private static LoadedCatalog catalogWith(String... pathsAndTexts) {
    TreeMap<String, String> formats = new TreeMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      formats.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return new LoadedCatalog("test catalog", new TracefsFiles("", "", "", formats));
  }

  @Test
  void listingDoesNotParseAndLookupReportsTheMalformedFile() {
    LoadedCatalog catalog =
        catalogWith(
            "broken/bad",
            NOT_A_FORMAT,
            "sched/sched_switch",
            CatalogFixtures.format("sched/sched_switch"));

    assertThat(catalog.eventPaths()).containsExactly("broken/bad", "sched/sched_switch");
    assertThatThrownBy(() -> catalog.event("broken", "bad"))
        .isInstanceOf(SqlError.class)
        .hasMessage(
            "events/broken/bad/format: not a trace event format (no numeric ID: line) (in test"
                + " catalog)");
    assertThat(catalog.event("sched", "sched_switch")).isPresent();
  }

  @Test
  void malformedFileInATracefsIsReportedOnlyOnLookup(@TempDir Path temp) throws IOException {
    Files.createDirectories(temp.resolve("events/broken/bad"));
    Files.writeString(temp.resolve("events/broken/bad/format"), NOT_A_FORMAT);
    Files.createDirectories(temp.resolve("events/sched/sched_waking"));
    Files.writeString(
        temp.resolve("events/sched/sched_waking/format"),
        CatalogFixtures.format("sched/sched_waking"));

    EventCatalog catalog = CatalogLoader.fromTracefs(temp);

    assertThat(catalog.eventPaths()).containsExactly("broken/bad", "sched/sched_waking");
    assertThat(catalog.eventsNamed("sched_waking")).hasSize(1);
    assertThatThrownBy(() -> catalog.event("broken", "bad"))
        .isInstanceOf(SqlError.class)
        .hasMessageContaining(temp.toString());
  }

  @Test
  void eventsNamedSkipsAMalformedNamesake() {
    LoadedCatalog catalog =
        catalogWith(
            "broken/sched_switch",
            NOT_A_FORMAT,
            "sched/sched_switch",
            CatalogFixtures.format("sched/sched_switch"));

    assertThat(catalog.eventsNamed("sched_switch"))
        .extracting(EventFormat::path)
        .containsExactly("sched/sched_switch");
  }

  @Test
  void directoryNameWinsOverTheNameLine() {
    LoadedCatalog catalog =
        catalogWith("eprobes/switch", CatalogFixtures.format("eprobes/sched_switch"));

    assertThat(catalog.event("eprobes", "switch").orElseThrow().path()).isEqualTo("eprobes/switch");
    assertThat(catalog.eventsNamed("sched_switch")).isEmpty();
  }

  @Test
  void aFormatIsParsedOnceAndShared() throws Exception {
    LoadedCatalog catalog =
        catalogWith("sched/sched_switch", CatalogFixtures.format("sched/sched_switch"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<EventFormat>> lookups = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        lookups.add(pool.submit(() -> catalog.event("sched", "sched_switch").orElseThrow()));
      }
      EventFormat first = catalog.event("sched", "sched_switch").orElseThrow();
      for (Future<EventFormat> lookup : lookups) {
        assertThat(lookup.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
