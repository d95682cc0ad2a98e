package dev.ftsql.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code #ftsql-index} of a snapshot: read through it, it gives what the scan gives. */
class CatalogSnapshotIndexTest {
  private static final String SOURCE = "test.ftcat";

  /** Every file of {@code contents}, read now. */
  private static TracefsFiles all(CatalogSnapshot.Contents contents) {
    TreeMap<String, String> formats = new TreeMap<>();
    for (String path : contents.formats().paths()) {
      formats.put(path, contents.formats().text(path));
    }
    return new TracefsFiles(
        contents.kernelRelease(), contents.readme(), contents.traceClock(), formats);
  }

  private static boolean readThroughIndex(CatalogSnapshot.Contents contents) {
    return contents.formats() instanceof FormatTexts.Listed listed
        && listed.where().equals(SOURCE);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void indexedReadGivesWhatTheScanGivesForEveryFile() {
    byte[] bytes = CatalogSnapshot.toBytes(CatalogFixtures.snapshotSample());

    CatalogSnapshot.Contents read = CatalogSnapshot.read(bytes, SOURCE);

    assertThat(readThroughIndex(read)).isTrue();
    assertThat(all(read)).isEqualTo(CatalogSnapshot.scan(bytes, SOURCE)).isEqualTo(CatalogFixtures.snapshotSample());
    assertThat(read.formats().paths()).isEqualTo(List.copyOf(CatalogFixtures.snapshotSample().formats().keySet()));
    assertThat(read.formats().text("a/missing")).isNull();
  }

  @Test
  void indexFollowsTheKernelLineAndGivesByteOffsets() {
    TreeMap<String, String> formats = new TreeMap<>();
    formats.put("s/\u00e9", "F\u00e9\n");
    byte[] bytes = CatalogSnapshot.toBytes(new TracefsFiles("6.1", "R", "", formats));
    String text = text(bytes);

    assertThat(text)
        .startsWith("#ftsql-catalog v1\n#kernel 6.1\n#ftsql-index\n")
        .endsWith(
            "#ftsql-file README\nR\n#ftsql-file trace_clock\n\n"
                + "#ftsql-file events/s/\u00e9/format\nF\u00e9\n\n");
    String[] entry = text.split("\n")[5].split(" ", 3);
    assertThat(entry[2]).isEqualTo("events/s/\u00e9/format");
    int offset = Integer.parseInt(entry[0]);
    int length = Integer.parseInt(entry[1]);
    assertThat(length).isEqualTo(4);
    assertThat(new String(bytes, offset, length, StandardCharsets.UTF_8)).isEqualTo("F\u00e9\n");
    assertThat(offset + length + 1).isEqualTo(bytes.length);
  }

  @Test
  void aReaderWithoutTheIndexSkipsIt() {
    String text = text(CatalogSnapshot.toBytes(CatalogFixtures.snapshotSample()));

    assertThat(text).contains("\n#ftsql-index\n");
    assertThat(CatalogSnapshot.parse(text, "old reader")).isEqualTo(CatalogFixtures.snapshotSample());
  }

  @Test
  void snapshotWithoutIndexIsScanned() {
    String old =
        "#ftsql-catalog v1\n#kernel 6.1\n#ftsql-file README\nR\n\n"
            + "#ftsql-file events/s/e/format\nF\n\n";

    CatalogSnapshot.Contents read = CatalogSnapshot.read(utf8(old), SOURCE);

    assertThat(readThroughIndex(read)).isFalse();
    assertThat(all(read)).isEqualTo(CatalogSnapshot.parse(old, SOURCE));
    assertThat(read.formats().text("s/e")).isEqualTo("F\n");
  }

  /** Hand edits and damage: each is read right, through the scan when the index is off. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "offset+1",
        "offset-1",
        "length+1",
        "length-1",
        "length-huge",
        "path-renamed-same-length",
        "path-renamed",
        "directive-renamed-same-length",
        "garbage-line",
        "line-dropped",
        "index-truncated",
        "content-edited",
        "content-edited-same-length-with-directive",
        "readme-edited-same-length-with-directive",
        "file-appended",
        "header-line-after-index",
      })
  void wrongIndexNeverGivesAWrongText(String damage) {
    String good = text(CatalogSnapshot.toBytes(CatalogFixtures.snapshotSample()));
    String bad = damage(good, damage);
    assertThat(bad).isNotEqualTo(good);
    byte[] bytes = utf8(bad);

    CatalogSnapshot.Contents read = CatalogSnapshot.read(bytes, SOURCE);

    TracefsFiles scanned = CatalogSnapshot.scan(bytes, SOURCE);
    assertThat(read.kernelRelease()).isEqualTo(scanned.kernelRelease());
    assertThat(read.readme()).isEqualTo(scanned.readme());
    assertThat(read.traceClock()).isEqualTo(scanned.traceClock());
    for (String path : scanned.formats().keySet()) {
      if (read.formats().paths().contains(path)) {
        assertThat(read.formats().text(path)).as(path).isEqualTo(scanned.formats().get(path));
      }
    }
    for (String path : read.formats().paths()) {
      assertThat(read.formats().text(path)).as(path).isEqualTo(scanned.formats().get(path));
    }
    if (!damage.contains("same-length")) {
      // Only a same-length edit of a directive line can hide from the checks at load.
      assertThat(all(read)).isEqualTo(scanned);
      assertThat(readThroughIndex(read)).isFalse();
    }
  }

  private static String damage(String text, String how) {
    String entry = indexLine(text, "events/a/no_final_newline/format");
    String[] parts = entry.split(" ", 3);
    long offset = Long.parseLong(parts[0]);
    long length = Long.parseLong(parts[1]);
    return switch (how) {
      case "offset+1" -> text.replace(entry, (offset + 1) + " " + length + " " + parts[2]);
      case "offset-1" -> text.replace(entry, (offset - 1) + " " + length + " " + parts[2]);
      case "length+1" -> text.replace(entry, offset + " " + (length + 1) + " " + parts[2]);
      case "length-1" -> text.replace(entry, offset + " " + (length - 1) + " " + parts[2]);
      case "length-huge" -> text.replace(entry, offset + " 99999999999999 " + parts[2]);
      case "path-renamed-same-length" ->
          text.replace(entry, entry.replace("no_final_newline", "no_final_newlinf"));
      case "path-renamed" -> text.replace(entry, entry.replace("no_final_newline", "other"));
      case "directive-renamed-same-length" ->
          text.replace(
              "#ftsql-file events/a/no_final_newline/format",
              "#ftsql-file events/a/no_final_newlinf/format");
      case "garbage-line" -> text.replace(entry + "\n", entry + "\nnot an index line\n");
      case "line-dropped" -> text.replace(entry + "\n", "");
      case "index-truncated" -> text.substring(0, text.indexOf(entry)) + text.substring(
          text.indexOf("#ftsql-file README"));
      case "content-edited" -> text.replace("name: y", "name: yy");
      case "content-edited-same-length-with-directive" ->
          text.replace("name: x\n", "#ftsql-\n");
      case "readme-edited-same-length-with-directive" ->
          text.replace("\twith tabs\n", "#ftsql-tab\n");
      case "file-appended" -> text + "#ftsql-file events/z/appended/format\nA\n\n";
      case "header-line-after-index" ->
          text.replace("#ftsql-file README", "#kernel other\n#ftsql-file README");
      default -> throw new IllegalArgumentException(how);
    };
  }

  private static String indexLine(String text, String path) {
    for (String line : text.split("\n")) {
      if (line.endsWith(" " + path) && Character.isDigit(line.charAt(0))) {
        return line;
      }
    }
    throw new AssertionError("no index line for " + path);
  }

  @Test
  void contentWithADirectiveLineIsWrittenWithoutIndex() {
    TreeMap<String, String> formats = new TreeMap<>();
    formats.put("s/e", "name: e\n#ftsql-file events/s/x/format\nX\n");
    TracefsFiles files = new TracefsFiles("", "R", "C", formats);
    byte[] bytes = CatalogSnapshot.toBytes(files);

    CatalogSnapshot.Contents read = CatalogSnapshot.read(bytes, SOURCE);

    assertThat(text(bytes)).doesNotContain("#ftsql-index");
    assertThat(readThroughIndex(read)).isFalse();
    assertThat(all(read)).isEqualTo(CatalogSnapshot.scan(bytes, SOURCE));
  }

  @Test
  void reindexAddsAnIndexAndKeepsEveryFileAndHeaderLine() {
    String old =
        "#ftsql-catalog v1\n#ftsql-captured-by test\n#kernel 6.1\n#ftsql-file README\nR\n\n"
            + "#ftsql-file events/s/e/format\nF\n\n"
            + "#ftsql-file events/ftrace/function/format\nFN\n\n"
            + "#ftsql-file trace_clock\nC\n\n";

    byte[] reindexed = CatalogSnapshot.reindex(utf8(old), SOURCE);

    assertThat(readThroughIndex(CatalogSnapshot.read(reindexed, SOURCE))).isTrue();
    assertThat(withoutIndex(text(reindexed))).isEqualTo(old);
    assertThat(CatalogSnapshot.reindex(reindexed, SOURCE)).isEqualTo(reindexed);
  }

  @Test
  void eventsIndexedOutOfOrderAreListedSorted() {
    String old =
        "#ftsql-catalog v1\n#ftsql-file events/s/b/format\nB\n\n"
            + "#ftsql-file events/s/a/format\nA\n\n";
    byte[] reindexed = CatalogSnapshot.reindex(utf8(old), SOURCE);

    CatalogSnapshot.Contents read = CatalogSnapshot.read(reindexed, SOURCE);

    assertThat(readThroughIndex(read)).isTrue();
    assertThat(read.formats().paths()).containsExactly("s/a", "s/b");
    assertThat(all(read)).isEqualTo(CatalogSnapshot.scan(reindexed, SOURCE));
  }

  /** A path there twice: the scan keeps the last file, and the index leaves it to the scan. */
  @ParameterizedTest
  @ValueSource(strings = {"s/a s/a", "s/b s/a s/a", "s/a s/b s/a"})
  void eventIndexedTwiceIsReadByTheScan(String order) {
    StringBuilder old = new StringBuilder("#ftsql-catalog v1\n");
    int n = 0;
    for (String path : order.split(" ")) {
      old.append("#ftsql-file events/").append(path).append("/format\n");
      old.append(path).append(" #").append(n++).append("\n\n");
    }
    byte[] reindexed = CatalogSnapshot.reindex(utf8(old.toString()), SOURCE);

    CatalogSnapshot.Contents read = CatalogSnapshot.read(reindexed, SOURCE);

    assertThat(text(reindexed)).contains("#ftsql-index");
    assertThat(readThroughIndex(read)).isFalse();
    assertThat(all(read)).isEqualTo(CatalogSnapshot.scan(reindexed, SOURCE));
    String last = "s/a #" + order.lastIndexOf("s/a") / 4 + "\n";
    assertThat(read.formats().text("s/a")).isEqualTo(last);
  }

  private static String withoutIndex(String text) {
    StringBuilder out = new StringBuilder();
    boolean inIndex = false;
    for (String line : text.split("\n", -1)) {
      inIndex = line.equals("#ftsql-index") || inIndex && !line.startsWith("#");
      if (!inIndex) {
        out.append(line).append('\n');
      }
    }
    return out.substring(0, out.length() - 1);
  }

  /** The snapshots in the jar: indexed, and the index gives exactly what the scan gives. */
  @ParameterizedTest
  @ValueSource(strings = {"6.1", "6.12"})
  void embeddedSnapshotIsIndexedAndReadsAsTheScan(String kernel) throws IOException {
    byte[] bytes;
    try (InputStream in =
        CatalogLoader.class.getResourceAsStream(
            CatalogLoader.EMBEDDED_DIRECTORY + kernel + ".ftcat.gz")) {
      assertThat(in).isNotNull();
      bytes = new GZIPInputStream(in).readAllBytes();
    }

    CatalogSnapshot.Contents read = CatalogSnapshot.read(bytes, SOURCE);

    assertThat(readThroughIndex(read))
        .as("%s.ftcat.gz has no usable index; rewrite it with ReindexSnapshot", kernel)
        .isTrue();
    TracefsFiles scanned = CatalogSnapshot.scan(bytes, SOURCE);
    assertThat(all(read)).isEqualTo(scanned);
    assertThat(scanned.formats()).hasSizeGreaterThan(1000);
    assertThat(scanned.kernelRelease()).startsWith(kernel + ".");
    assertThat(new ReadmeFeatures(read.readme()).hasHistTriggers()).isTrue();
    assertThat(CatalogSnapshot.reindex(bytes, SOURCE)).isEqualTo(bytes);
  }
}
