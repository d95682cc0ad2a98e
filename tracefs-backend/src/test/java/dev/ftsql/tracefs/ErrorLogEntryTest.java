package dev.ftsql.tracefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ErrorLogEntryTest {
  /** As 6.12 prints it (two entries; the second without a usable caret). */
  static final String LOG = ""
      + "[   25.118467] hist:sched:sched_switch: error: Couldn't find field\n"
      + "  Command: hist:keys=next_pidd\n"
      + "                     ^\n"
      + "[   26.000001] synthetic_events: error: Event already exists\n"
      + "  Command: w u64 lat\n"
      + "           ^\n";

  @Test
  void parsesLocationMessageCommandAndCaret() {
    var entries = ErrorLogEntry.parse(LOG);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0)).isEqualTo(new ErrorLogEntry("25.118467", "hist:sched:sched_switch",
        "Couldn't find field", "hist:keys=next_pidd", OptionalInt.of(10)));
    assertThat(entries.get(1).position()).hasValue(0);
    assertThat(entries.get(0).render()).isEqualTo(LOG.substring(0, LOG.indexOf("[   26")).replace("[   25.118467] ", "").strip());
  }

  @Test
  void addedEntriesSurviveTheKernelDroppingTheOldest() {
    StringBuilder before = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      before.append("[  1.00000").append(i).append("] synthetic_events: error: Invalid type\n  Command: e x y\n           ^\n");
    }
    String after = before.substring(before.indexOf("\n  Command", 0) + "\n  Command: e x y\n           ^\n".length())
        + "[  2.000000] hist:kmem:kmalloc: error: Couldn't find field\n  Command: hist:keys=q\n                     ^\n";
    var added = ErrorLogEntry.added(before.toString(), after);
    assertThat(added).singleElement().extracting(ErrorLogEntry::location).isEqualTo("hist:kmem:kmalloc");
  }

  @Test
  void anEmptyLogHasNoEntries() {
    assertThat(ErrorLogEntry.parse("")).isEmpty();
    assertThat(ErrorLogEntry.added("", "")).isEmpty();
  }
}
