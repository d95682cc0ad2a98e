package dev.ftsql.sql.catalog;

import static dev.ftsql.sql.catalog.CatalogFixtures.tracefs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftsql.sql.SqlError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
  private static final String RELEASE = "6.18.44-fc-v782";

  @TempDir Path temp;

  private static byte[] snapshotOfFixture() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CatalogLoader.writeSnapshot(tracefs(), RELEASE, out);
    return out.toByteArray();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void tracefsCopyListsEveryEventButFtrace() {
    EventCatalog catalog = CatalogLoader.fromTracefs(tracefs());

    assertThat(catalog.eventPaths())
        .containsExactly(
            "bridge/br_fdb_add",
            "dma/dma_alloc_pages",
            "dma/dma_map_sg",
            "eprobes/sched_switch",
            "ext4/ext4_fsmap_high_key",
            "ipi/ipi_send_cpumask",
            "kmem/kmalloc",
            "raw_syscalls/sys_enter",
            "raw_syscalls/sys_exit",
            "sample-trace/foo_rel_loc",
            "sched/sched_process_exec",
            "sched/sched_switch",
            "sched/sched_waking",
            "syscalls/sys_enter_openat",
            "syscalls/sys_exit_openat");
    assertThat(catalog.event("ftrace", "function")).isEmpty();
    assertThat(catalog.event("sched", "no_such_event")).isEmpty();
    assertThat(catalog.source()).isEqualTo(tracefs().toString());
    assertThat(catalog.kernelRelease()).isEmpty();
  }

  @Test
  void tracefsCopyKeepsReadmeAndTraceClockVerbatim() {
    EventCatalog catalog = CatalogLoader.fromTracefs(tracefs());

    assertThat(catalog.readme())
        .isEqualTo(CatalogFixtures.text(tracefs().resolve("README")))
        .startsWith("tracing mini-HOWTO:");
    assertThat(catalog.traceClock())
        .isEqualTo("[local] global counter uptime perf mono mono_raw boot tai x86-tsc\n");
  }

  @Test
  void tracefsEventsParseToTheSameFormatAsTheParser() {
    EventCatalog catalog = CatalogLoader.fromTracefs(tracefs());

    assertThat(catalog.event("sched", "sched_switch"))
        .contains(CatalogFixtures.parsed("sched/sched_switch"));
  }

  @Test
  void eventsNamedReturnsEverySystemSorted() {
    EventCatalog catalog = CatalogLoader.fromTracefs(tracefs());

    assertThat(catalog.eventsNamed("sched_switch"))
        .extracting(EventFormat::path)
        .containsExactly("eprobes/sched_switch", "sched/sched_switch");
    assertThat(catalog.eventsNamed("sys_enter"))
        .extracting(EventFormat::path)
        .containsExactly("raw_syscalls/sys_enter");
    assertThat(catalog.eventsNamed("function")).isEmpty();
    assertThat(catalog.eventsNamed("no_such_event")).isEmpty();
  }

  @Test
  void unreadableFormatFilesAreSkipped() throws IOException {
    Files.createDirectories(temp.resolve("events/sched/sched_switch"));
    Files.writeString(
        temp.resolve("events/sched/sched_switch/format"),
        CatalogFixtures.format("sched/sched_switch"));
    // A directory where the file should be: reading it fails the way an unreadable file does.
    Files.createDirectories(temp.resolve("events/sched/sched_waking/format"));
    Files.createDirectories(temp.resolve("events/sched/no_format_here"));
    // tracefs's control files beside the systems and the events are not events
    Files.writeString(temp.resolve("events/enable"), "0\n");
    Files.writeString(temp.resolve("events/sched/enable"), "0\n");
    Files.writeString(temp.resolve("events/sched/filter"), "none\n");

    EventCatalog catalog = CatalogLoader.fromTracefs(temp);

    assertThat(catalog.eventPaths()).containsExactly("sched/sched_switch");
    assertThat(catalog.readme()).isEmpty();
    assertThat(catalog.traceClock()).isEmpty();
  }

  @Test
  void noReadableFormatFileIsAnError() throws IOException {
    Files.createDirectories(temp.resolve("events/sched/sched_waking/format"));

    assertThatThrownBy(() -> CatalogLoader.fromTracefs(temp))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("cannot read any of the 1 event format files under ");
  }

  @Test
  void missingTracefsIsAnError() {
    assertThatThrownBy(() -> CatalogLoader.fromTracefs(temp.resolve("absent")))
        .isInstanceOf(SqlError.class)
        .hasMessage("not a tracefs directory: " + temp.resolve("absent"));
  }

  @Test
  void snapshotRoundTripKeepsEveryEventFieldAndFile() {
    EventCatalog direct = CatalogLoader.fromTracefs(tracefs());
    byte[] snapshot = snapshotOfFixture();

    EventCatalog loaded =
        CatalogLoader.fromSnapshot(new ByteArrayInputStream(snapshot), "fixture.ftcat.gz");

    assertThat(snapshot[0]).isEqualTo((byte) 0x1f);
    assertThat(snapshot[1]).isEqualTo((byte) 0x8b);
    assertThat(loaded.source()).isEqualTo("fixture.ftcat.gz");
    assertThat(loaded.kernelRelease()).isEqualTo(RELEASE);
    assertThat(loaded.readme()).isEqualTo(direct.readme());
    assertThat(loaded.traceClock()).isEqualTo(direct.traceClock());
    assertThat(loaded.eventPaths()).isEqualTo(direct.eventPaths());
    for (String path : direct.eventPaths()) {
      String[] parts = path.split("/");
      assertThat(loaded.event(parts[0], parts[1]))
          .as(path)
          .isEqualTo(direct.event(parts[0], parts[1]));
    }
  }

  @Test
  void tracefsCopyOfAnEmbeddedKernelReadsBackAsThatKernel() {
    EventCatalog embedded = CatalogLoader.embedded("6.1");

    Path copy = CatalogLoader.writeTracefsCopy("6.1", temp.resolve("tracefs"));
    EventCatalog read = CatalogLoader.fromTracefs(copy);

    assertThat(copy.resolve("events/sched/sched_switch/format")).isRegularFile();
    assertThat(read.readme()).isEqualTo(embedded.readme());
    assertThat(read.traceClock()).isEqualTo(embedded.traceClock());
    assertThat(read.eventPaths()).isEqualTo(embedded.eventPaths());
    for (String path : embedded.eventPaths()) {
      String[] parts = path.split("/");
      assertThat(read.event(parts[0], parts[1])).as(path).isEqualTo(embedded.event(parts[0], parts[1]));
    }
  }

  @Test
  void tracefsCopyOfAnUnknownKernelIsAnError() {
    assertThatThrownBy(() -> CatalogLoader.writeTracefsCopy("5.4", temp))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("no embedded catalog for kernel '5.4'");
  }

  @Test
  void snapshotIsDeterministic() {
    assertThat(snapshotOfFixture()).isEqualTo(snapshotOfFixture());
  }

  @Test
  void snapshotOfACopyRecordsNoKernelRelease() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CatalogLoader.writeSnapshot(tracefs(), out);

    assertThat(
            CatalogLoader.fromSnapshot(new ByteArrayInputStream(out.toByteArray()), "copy")
                .kernelRelease())
        .isEmpty();
  }

  @Test
  void writingASnapshotLeavesTheStreamOpen() throws IOException {
    boolean[] closed = {false};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            bytes.write(b);
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };

    CatalogLoader.writeSnapshot(tracefs(), RELEASE, out);

    assertThat(closed[0]).isFalse();
    assertThat(
            CatalogLoader.fromSnapshot(new ByteArrayInputStream(bytes.toByteArray()), "s")
                .eventPaths())
        .hasSize(15);
  }

  @Test
  void snapshotFilesGzippedAndPlain() throws IOException {
    Path gzipped = temp.resolve("kernel.ftcat.gz");
    Files.write(gzipped, snapshotOfFixture());
    Path plain = temp.resolve("kernel.ftcat");
    Files.writeString(
        plain, CatalogFixtures.text(CatalogFixtures.resource("forward-compatible.ftcat")));

    assertThat(CatalogLoader.fromSnapshot(gzipped).eventPaths()).hasSize(15);
    assertThat(CatalogLoader.fromSnapshot(gzipped).source()).isEqualTo(gzipped.toString());
    assertThat(CatalogLoader.fromSnapshot(plain).eventPaths())
        .containsExactly("raw_syscalls/sys_exit");
  }

  @Test
  void plainSnapshotSkipsWhatThisVersionDoesNotKnow() {
    EventCatalog catalog =
        CatalogLoader.fromSnapshot(CatalogFixtures.resource("forward-compatible.ftcat"));

    assertThat(catalog.kernelRelease()).isEqualTo("6.12.38+deb13-cloud-amd64");
    assertThat(catalog.readme()).isEqualTo("hist trigger\n");
    assertThat(catalog.traceClock()).isEmpty();
    assertThat(catalog.eventPaths()).containsExactly("raw_syscalls/sys_exit");
    EventFormat sysExit = catalog.event("raw_syscalls", "sys_exit").orElseThrow();
    assertThat(sysExit.fields())
        .extracting(EventField::name)
        .containsExactly("common_type", "id", "ret");
    assertThat(sysExit.printFmt()).isEqualTo("\"NR %ld = %ld\", REC->id, REC->ret");
  }

  @Test
  void gzipWithANameOrSeveralMembersReadsTheSame() throws IOException {
    byte[] snapshot = snapshotOfFixture();
    // FNAME: a zero-terminated name after the 10-byte header, as gzip without -n writes.
    byte[] named = new byte[snapshot.length + 6];
    System.arraycopy(snapshot, 0, named, 0, 10);
    named[3] |= 8;
    System.arraycopy("a.txt\0".getBytes(StandardCharsets.US_ASCII), 0, named, 10, 6);
    System.arraycopy(snapshot, 10, named, 16, snapshot.length - 10);
    // Two members: the snapshot split in two, as `cat a.gz b.gz` makes.
    String text =
        new String(
            new java.util.zip.GZIPInputStream(new ByteArrayInputStream(snapshot)).readAllBytes(),
            StandardCharsets.UTF_8);
    int half = text.length() / 2;
    ByteArrayOutputStream members = new ByteArrayOutputStream();
    members.write(gzip(text.substring(0, half)));
    members.write(gzip(text.substring(half)));

    EventCatalog expected =
        CatalogLoader.fromSnapshot(new ByteArrayInputStream(snapshot), "fixture");
    for (byte[] variant : new byte[][] {named, members.toByteArray()}) {
      EventCatalog catalog =
          CatalogLoader.fromSnapshot(new ByteArrayInputStream(variant), "variant");
      assertThat(catalog.eventPaths()).isEqualTo(expected.eventPaths());
      assertThat(catalog.readme()).isEqualTo(expected.readme());
      for (String path : expected.eventPaths()) {
        String[] parts = path.split("/");
        assertThat(catalog.event(parts[0], parts[1])).isEqualTo(expected.event(parts[0], parts[1]));
      }
    }
  }

  @Test
  void truncatedGzipIsAnError() {
    byte[] snapshot = snapshotOfFixture();
    byte[] truncated = java.util.Arrays.copyOf(snapshot, snapshot.length / 2);

    assertThatThrownBy(
            () -> CatalogLoader.fromSnapshot(new ByteArrayInputStream(truncated), "cut.gz"))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("cannot read catalog snapshot cut.gz: ");
  }

  @Test
  void textThatIsNotASnapshotIsAnError() throws IOException {
    byte[] plain = "name: sched_switch\nID: 372\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> CatalogLoader.fromSnapshot(new ByteArrayInputStream(plain), "format.txt"))
        .isInstanceOf(SqlError.class)
        .hasMessage("not an ftsql catalog snapshot: format.txt");
    assertThatThrownBy(
            () -> CatalogLoader.fromSnapshot(new ByteArrayInputStream(gzip("hello\n")), "hello.gz"))
        .isInstanceOf(SqlError.class)
        .hasMessage("not an ftsql catalog snapshot: hello.gz");
    assertThatThrownBy(
            () -> CatalogLoader.fromSnapshot(new ByteArrayInputStream(new byte[0]), "empty"))
        .isInstanceOf(SqlError.class)
        .hasMessage("not an ftsql catalog snapshot: empty");
  }

  @Test
  void laterSnapshotVersionIsAnError() {
    byte[] v2 = "#ftsql-catalog v2\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> CatalogLoader.fromSnapshot(new ByteArrayInputStream(v2), "new.ftcat"))
        .isInstanceOf(SqlError.class)
        .hasMessage(
            "unsupported ftsql catalog snapshot version 'v2' in new.ftcat (this ftsql reads v1)");
  }

  @Test
  void corruptGzipIsAnError() {
    byte[] corrupt = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};

    assertThatThrownBy(
            () -> CatalogLoader.fromSnapshot(new ByteArrayInputStream(corrupt), "bad.gz"))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("cannot read catalog snapshot bad.gz: ");
  }

  @Test
  void missingSnapshotFileIsAnError() {
    Path absent = temp.resolve("absent.ftcat.gz");

    assertThatThrownBy(() -> CatalogLoader.fromSnapshot(absent))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("cannot read catalog snapshot " + absent + ": NoSuchFileException");
  }

  @Test
  void embeddedKernelsAreTheKnownOnesPresentOldestFirst() {
    assertThat(CatalogLoader.embeddedKernels(CatalogFixtures.KERNELS))
        .containsExactly("6.1", "6.12");
    assertThat(CatalogLoader.defaultKernel(CatalogFixtures.KERNELS)).isEqualTo("6.12");
    assertThat(CatalogLoader.embeddedKernels("/dev/ftsql/sql/catalog/no-such-folder/")).isEmpty();
  }

  @Test
  void embeddedCatalogIsLoadedOnce() {
    EventCatalog catalog = CatalogLoader.embedded("6.12", CatalogFixtures.KERNELS);

    assertThat(catalog.source()).isEqualTo("embedded 6.12");
    assertThat(catalog.kernelRelease()).isEqualTo("6.12-test");
    assertThat(catalog.eventPaths()).containsExactly("sched/sched_switch", "sched/sched_waking");
    assertThat(catalog.event("sched", "sched_waking"))
        .contains(CatalogFixtures.parsed("sched/sched_waking"));
    assertThat(new ReadmeFeatures(catalog.readme()).hasHistTriggers()).isTrue();
    assertThat(CatalogLoader.embedded("6.12", CatalogFixtures.KERNELS)).isSameAs(catalog);
    assertThat(CatalogLoader.embedded("6.1", CatalogFixtures.KERNELS).eventPaths())
        .containsExactly("sched/sched_switch");
  }

  @Test
  void unknownEmbeddedKernelNamesTheKnownOnes() {
    assertThatThrownBy(() -> CatalogLoader.embedded("5.4", CatalogFixtures.KERNELS))
        .isInstanceOf(SqlError.class)
        .hasMessage("no embedded catalog for kernel '5.4' (embedded kernels: 6.1, 6.12)");
    assertThatThrownBy(() -> CatalogLoader.embedded("../tracefs/README", CatalogFixtures.KERNELS))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("no embedded catalog for kernel '../tracefs/README'");
    assertThatThrownBy(() -> CatalogLoader.embedded("5.4"))
        .isInstanceOf(SqlError.class)
        .hasMessageStartingWith("no embedded catalog for kernel '5.4' (embedded kernels: ");
  }

  @Test
  void buildWithoutEmbeddedCatalogsHasNoDefault() {
    assertThatThrownBy(() -> CatalogLoader.defaultKernel("/dev/ftsql/sql/catalog/no-such-folder/"))
        .isInstanceOf(SqlError.class)
        .hasMessageContaining("embeds no kernel catalogs");
  }
}
