package dev.ftsql.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CatalogSnapshotTest {
  private static String write(TracefsFiles files) {
    StringWriter out = new StringWriter();
    CatalogSnapshot.write(files, out);
    return out.toString();
  }

  @Test
  void writeThenParseIsExactWhateverTheContentEndsWith() {
    TracefsFiles files = CatalogFixtures.snapshotSample();

    TracefsFiles read = CatalogSnapshot.parse(write(files), "test");

    assertThat(read).isEqualTo(files);
  }

  @Test
  void layoutIsHeaderThenIndexThenReadmeThenTraceClockThenEventsByPath() {
    TreeMap<String, String> formats = new TreeMap<>();
    formats.put("sched/sched_waking", "W\n");
    formats.put("raw_syscalls/sys_enter", "E\n");

    String text = write(new TracefsFiles("6.1.0-37-cloud-amd64", "R\n", "C\n", formats));

    assertThat(text)
        .isEqualTo(
            "#ftsql-catalog v1\n#kernel 6.1.0-37-cloud-amd64\n"
                + "#ftsql-index\n"
                + "192 2 README\n"
                + "219 2 trace_clock\n"
                + "271 2 events/raw_syscalls/sys_enter/format\n"
                + "319 2 events/sched/sched_waking/format\n"
                + "#ftsql-file README\nR\n\n"
                + "#ftsql-file trace_clock\nC\n\n"
                + "#ftsql-file events/raw_syscalls/sys_enter/format\nE\n\n"
                + "#ftsql-file events/sched/sched_waking/format\nW\n\n");
  }

  @Test
  void contentWithoutTheSeparatorLosesNothingButTheLastNewline() {
    String handWritten =
        "#ftsql-catalog v1\n#ftsql-file README\nR\n#ftsql-file events/s/e/format\nF\n";

    TracefsFiles read = CatalogSnapshot.parse(handWritten, "hand");

    assertThat(read.kernelRelease()).isEmpty();
    assertThat(read.readme()).isEqualTo("R");
    assertThat(read.formats()).containsExactly(java.util.Map.entry("s/e", "F"));
  }

  @Test
  void snapshotWithNoFilesIsEmpty() {
    TracefsFiles read = CatalogSnapshot.parse("#ftsql-catalog v1\n#kernel 6.12\n", "bare");

    assertThat(read.kernelRelease()).isEqualTo("6.12");
    assertThat(read.formats()).isEmpty();
    assertThat(new LoadedCatalog("bare", read).eventPaths()).isEmpty();
  }
}
