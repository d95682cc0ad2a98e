package dev.ftsql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftsql.sql.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run, start, show, list, stop and sql -e in-process, against a plain copy of a tracefs: a
 * directory keeps every line appended to it, so the files show exactly what was written and in
 * which order. (The kernel's own answers are proven in RealKernelLiveTest.)
 */
class LiveCommandsTest {
  static final String SINGLE = "SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm";
  static final String JOIN =
      "WITH wakeup AS (SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp AS lat"
          + " FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid)"
          + " SELECT comm, log2(lat) AS lat_ns, COUNT(*) FROM wakeup GROUP BY comm, log2(lat)";
  static final String HIST = "# event histogram\n#\n"
      + "# trigger info: hist:keys=next_comm:vals=hitcount:sort=hitcount:size=2048 [active]\n#\n\n"
      + "{ next_comm: sh                                    } hitcount:          2\n"
      + "{ next_comm: yes                                   } hitcount:          7\n\n"
      + "Totals:\n    Hits: 9\n    Entries: 2\n    Dropped: 0\n";

  @TempDir static Path shared;
  static Path fs;
  @TempDir Path tmp;
  Path state;

  @BeforeAll
  static void unpack() throws IOException {
    fs = CatalogLoader.writeTracefsCopy("6.12", shared.resolve("tracefs"));
  }

  @BeforeEach
  void reset() throws IOException {
    for (String e : List.of("sched/sched_switch", "sched/sched_waking")) {
      Files.writeString(fs.resolve("events/" + e + "/trigger"), "");
      Files.writeString(fs.resolve("events/" + e + "/hist"), "");
    }
    Files.writeString(fs.resolve("events/sched/sched_switch/hist"), HIST);
    Files.writeString(fs.resolve("synthetic_events"), "");
    Files.writeString(fs.resolve("error_log"), "");
    delete(fs.resolve("events/synthetic"));
    state = tmp.resolve("state");
  }

  static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
  }

  Cli ftsql(String... args) {
    return Cli.run(args);
  }

  String[] live(String cmd, String... rest) {
    String[] args = new String[rest.length + 5];
    args[0] = cmd;
    args[1] = "-t";
    args[2] = fs.toString();
    args[3] = "--state";
    args[4] = state.toString();
    System.arraycopy(rest, 0, args, 5, rest.length);
    return args;
  }

  String trigger(String event) throws IOException {
    return Files.readString(fs.resolve("events/" + event + "/trigger"));
  }

  @Test
  void runAppliesPrintsAndRemovesAgain() throws IOException {
    long t0 = System.nanoTime();
    Cli r = ftsql(live("run", "--duration", "300ms", SINGLE));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("next_comm").containsPattern("yes +7").containsPattern("sh +2");
    assertThat(trigger("sched/sched_switch")).isEqualTo("hist:keys=next_comm\n!hist:keys=next_comm\n");
    assertThat(Files.list(state).filter(p -> p.toString().endsWith(".plan"))).isEmpty();
    assertThat(ms).isGreaterThanOrEqualTo(300);
  }

  @Test
  void runPrintsAtEachIntervalAndJsonStaysOneDocumentAReading() {
    Cli r = ftsql(live("run", "--duration", "1500ms", "--interval", "500ms", "--format", "json", SINGLE));
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> docs = r.out().lines().filter(l -> !l.isBlank()).toList();
    // Readings at 0.5 s and 1 s (one may be skipped when a reading is slow) and the final one.
    assertThat(docs).hasSizeBetween(2, 3).allSatisfy(d -> assertThat(d).startsWith("{\"columns\":[{\"name\":\"next_comm\""));
    Cli t = ftsql(live("run", "--duration", "500ms", "--interval", "200ms", SINGLE));
    assertThat(t.out().lines().filter(l -> l.startsWith("-- after "))).hasSizeBetween(2, 3);
  }

  @Test
  void startListShowStopAndStopAgain() throws IOException {
    Cli start = ftsql(live("start", "-n", "cnt", SINGLE));
    assertThat(start.exit()).as(start.err()).isZero();
    assertThat(start.out()).isEqualTo("cnt\n");
    assertThat(start.err()).contains("ftsql stop cnt");
    assertThat(trigger("sched/sched_switch")).isEqualTo("hist:keys=next_comm\n");

    Cli list = ftsql("list", "--state", state.toString());
    assertThat(list.out()).startsWith("NAME").containsPattern("cnt +applied +start +\\d+ .* 1/1 +" + fs);

    Cli show = ftsql("show", "--state", state.toString(), "cnt", "--format", "csv");
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out()).isEqualTo("next_comm,count\r\nsh,2\r\nyes,7\r\n");
    assertThat(ftsql("show", "--state", state.toString(), "cnt", "--raw").out()).isEqualTo(HIST);

    Cli again = ftsql(live("start", "-n", "cnt", SINGLE));
    assertThat(again.exit()).isEqualTo(4);
    assertThat(again.err()).contains("a plan named 'cnt' is already applied");

    Cli stop = ftsql("stop", "--state", state.toString(), "cnt");
    assertThat(stop.exit()).as(stop.err()).isZero();
    assertThat(stop.out()).isEqualTo("stopped cnt\n");
    assertThat(trigger("sched/sched_switch")).isEqualTo("hist:keys=next_comm\n!hist:keys=next_comm\n");

    Cli twice = ftsql("stop", "--state", state.toString(), "cnt");
    assertThat(twice.exit()).isZero();
    assertThat(twice.out()).isEmpty();
    assertThat(twice.err()).isEqualTo("ftsql: cnt is not running; nothing to stop\n");
    assertThat(trigger("sched/sched_switch")).isEqualTo("hist:keys=next_comm\n!hist:keys=next_comm\n");

    Cli show2 = ftsql("show", "--state", state.toString(), "cnt");
    assertThat(show2.exit()).isEqualTo(4);
    assertThat(show2.err()).contains("no plan named cnt is applied");
  }

  @Test
  void sqlExecuteRecordsLikeStart() throws IOException {
    Cli e = ftsql("sql", "-e", "-t", fs.toString(), "--state", state.toString(), "-n", "viasql", SINGLE);
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(e.out()).isEqualTo("viasql\n");
    assertThat(ftsql("list", "--state", state.toString()).out()).containsPattern("viasql +applied +sql -e");
    Cli stop = ftsql("stop", "--state", state.toString(), "--all");
    assertThat(stop.out()).isEqualTo("stopped viasql\n");
    assertThat(ftsql("stop", "--state", state.toString(), "--all").err()).contains("no plan is applied");
    assertThat(ftsql("sql", "-e", "--kernel", "6.1", SINGLE).exit()).isEqualTo(2);
  }

  @Test
  void aTakenSyntheticEventNameIsRefusedAndNothingIsWritten() throws IOException {
    Files.writeString(fs.resolve("synthetic_events"), "wakeup\tu64 lat\n");
    // As in a real tracefs, the event has its directory: the compiler sees it as an event too.
    Files.createDirectories(fs.resolve("events/synthetic/wakeup"));
    Files.copy(fs.resolve("events/sched/sched_switch/format"), fs.resolve("events/synthetic/wakeup/format"));
    Cli r = ftsql(live("run", "--duration", "1s", JOIN));
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).startsWith("ftsql: the synthetic event name 'wakeup' is taken, by a synthetic event ftsql"
        + " did not create: wakeup\tu64 lat\nnothing was written; choose another name with -n");
    assertThat(trigger("sched/sched_switch")).isEmpty();
    assertThat(trigger("sched/sched_waking")).isEmpty();
    assertThat(Files.readString(fs.resolve("synthetic_events"))).isEqualTo("wakeup\tu64 lat\n");
  }

  @Test
  void aRefusedWriteIsRolledBackAndNamesTheLine() throws IOException {
    // A plain directory has no events/synthetic/wakeup/: the write of the join's result histogram
    // (the 2nd: it comes right after the synthetic event) fails like a kernel refusal.
    Cli r = ftsql(live("run", "--duration", "1s", JOIN));
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).startsWith("ftsql: the kernel refused write 2 of 4 (events/synthetic/wakeup/trigger): no such"
        + " file (the kernel logged no reason)\n  hist:keys=comm,lat.log2\nfrom this part of the query:\n")
        .contains("rolled back: the 1 earlier write was undone; the tracefs is as it was");
    assertThat(trigger("sched/sched_switch")).isEmpty();
    assertThat(trigger("sched/sched_waking")).isEmpty();
    assertThat(Files.readString(fs.resolve("synthetic_events"))).isEqualTo("wakeup char comm[16]; u64 lat\n!wakeup\n");
    assertThat(Files.list(state).filter(p -> p.toString().endsWith(".plan"))).isEmpty();
  }

  @Test
  void barsAndPercentilesNeedABucketColumnAndSaySo() {
    Cli start = ftsql(live("start", "-n", "cnt", SINGLE));
    assertThat(start.exit()).isZero();
    Cli bars = ftsql("show", "--state", state.toString(), "cnt", "--bars");
    assertThat(bars.err()).contains("bars need a log2() or bucket() column");
    Cli p = ftsql("show", "--state", state.toString(), "cnt", "--percentiles");
    assertThat(p.out()).containsPattern("yes +7");
    assertThat(p.err()).contains("no percentiles: the result has no log2() or bucket() column");
    assertThat(ftsql("stop", "--state", state.toString(), "cnt").exit()).isZero();
  }

  @Test
  void helpListsTheLiveCommands() {
    Cli r = ftsql("--help");
    assertThat(r.out()).contains("run", "start", "show", "stop", "list");
    assertThat(ftsql("run", "--help").out()).contains("--duration", "--interval", "--format", "--bars", "--percentiles");
    assertThat(ftsql(live("run", "--bars", "--format", "json", SINGLE)).exit()).isEqualTo(2);
    assertThat(ftsql(live("run", "--duration", "soon", SINGLE)).exit()).isEqualTo(2);
  }
}
