package dev.ftsql.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ReadmeFeatures} over real README texts. */
class CatalogReadmeTest {
  private static final ReadmeFeatures WITH_HIST =
      new ReadmeFeatures(CatalogFixtures.text(CatalogFixtures.resource("readme-hist-excerpt.txt")));
  private static final ReadmeFeatures WITHOUT_HIST =
      ReadmeFeatures.of(CatalogLoader.fromTracefs(CatalogFixtures.tracefs()));

  @Test
  void histTriggersAndTheTraceAction() {
    assertThat(WITH_HIST.hasHistTriggers()).isTrue();
    assertThat(WITH_HIST.has(ReadmeFeatures.TRACE_ACTION)).isTrue();
    assertThat(WITH_HIST.has("trace(<synthetic_event>,param list)")).isTrue();
  }

  @Test
  void kernelWithoutHistTriggers() {
    assertThat(WITHOUT_HIST.isKnown()).isTrue();
    assertThat(WITHOUT_HIST.hasHistTriggers()).isFalse();
    assertThat(WITHOUT_HIST.has(ReadmeFeatures.TRACE_ACTION)).isFalse();
    assertThat(WITHOUT_HIST.mentions("trace_clock")).isTrue();
  }

  @Test
  void mentionsMatchesWholeNamesOnly() {
    assertThat(WITH_HIST.mentions("onchange")).isTrue();
    assertThat(WITH_HIST.mentions(".sym")).isTrue();
    assertThat(WITH_HIST.mentions(".sym-offset")).isTrue();
    assertThat(WITH_HIST.mentions(".percent")).isFalse();
    assertThat(WITH_HIST.mentions("stacktrace")).isTrue();
    assertThat(WITH_HIST.mentions("common_stacktrace")).isFalse();
    assertThat(new ReadmeFeatures("  .sym-offset display an address").mentions(".sym")).isFalse();
    assertThat(new ReadmeFeatures("common_stacktrace").mentions("stacktrace")).isFalse();
    assertThat(new ReadmeFeatures("see trace_pipe").mentions("trace")).isFalse();
    assertThat(new ReadmeFeatures("hist:keys=x").mentions("keys=")).isTrue();
  }

  @Test
  void unknownReadmeAnswersNo() {
    ReadmeFeatures unknown = new ReadmeFeatures("");

    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.hasHistTriggers()).isFalse();
    assertThat(unknown.mentions("hist")).isFalse();
    assertThat(unknown.mentions("")).isFalse();
    assertThat(new ReadmeFeatures(null).isKnown()).isFalse();
  }
}
