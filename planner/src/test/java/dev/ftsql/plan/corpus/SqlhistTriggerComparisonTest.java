package dev.ftsql.plan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The corpus test is only as strict as its comparison: it must tell different triggers apart. */
class SqlhistTriggerComparisonTest {

  @ParameterizedTest(name = "{0}  ==  {1}")
  @CsvSource(
      delimiterString = " === ",
      value = {
        "bytes_req > 1000&&(common_pid != 0) === bytes_req > 1000 && common_pid != 0",
        "prev_state & 2 === prev_state & 0x2",
        "prev_prio < 16&&(next_prio < 8) === prev_prio < 0x10 && next_prio < 010",
        "!(prev_prio < 1) === prev_prio >= 1",
        "!(prev_pid == 1||next_pid == 2) === prev_pid != 1 && next_pid != 2",
        // The kernel reads libtracefs's flat text with C precedence: && binds tighter.
        "prev_prio <= 1||prev_prio >= 5&&(next_pid != 0) === prev_prio <= 1 || (prev_prio >= 5 && next_pid != 0)",
        "(prev_pid == 1) === prev_pid == 1",
        "next_comm~\"cycl*\"&&(prev_prio < 100) === next_comm ~ \"cycl*\" && prev_prio < 100",
        "prev_prio < -1 === prev_prio < -0x1",
      })
  void sameMeaning(String libtracefs, String ftsql) {
    assertThat(KernelFilter.parse(ftsql).meansTheSameAs(KernelFilter.parse(libtracefs))).isTrue();
  }

  @ParameterizedTest(name = "{0}  !=  {1}")
  @CsvSource(
      delimiterString = " === ",
      value = {
        "a < 1 && b < 2 === a < 1 || b < 2",
        "prev_prio <= 1||prev_prio >= 5&&(next_pid != 0) === (prev_prio <= 1 || prev_prio >= 5) && next_pid != 0",
        "next_prio < 010 === next_prio < 10",
        "next_comm == \"bash\" === next_comm == \"bas\"",
        "next_comm == \"bash\" === next_comm ~ \"bash\"",
        "prev_prio < 1 === prev_prio <= 1",
        "prev_prio < 1 === prev_prio < -1",
        "!(a == 1 || b == 2) === !(a == 1) || b == 2",
        "prev_state & 2 === prev_state == 2",
        "prev_pid == 1 === next_pid == 1",
      })
  void differentMeaning(String one, String other) {
    assertThat(KernelFilter.parse(one).meansTheSameAs(KernelFilter.parse(other))).isFalse();
  }

  @Test
  void malformedFiltersAreNotSilentlyAccepted() {
    assertThatThrownBy(() -> KernelFilter.parse("prev_pid == 12ab")).hasMessageContaining("12ab");
    assertThatThrownBy(() -> KernelFilter.parse("prev_pid == 1 &&")).hasMessageContaining("end");
    assertThatThrownBy(() -> KernelFilter.parse("(prev_pid == 1")).hasMessageContaining("')'");
    assertThatThrownBy(() -> KernelFilter.parse("prev_pid")).hasMessageContaining("end");
  }

  @Test
  void triggerLinesAreTakenApart() {
    HistTriggerLine line =
        HistTriggerLine.parse(
            "hist:keys=call_site.sym-offset,bytes_req.buckets=100:vals=hitcount,bytes_alloc:sort=bytes_alloc.descending"
                + " if bytes_req > 1000");
    assertThat(line.keys()).containsExactly("call_site.sym-offset", "bytes_req.buckets=100");
    assertThat(line.values()).as("hitcount is implicit").containsExactly("bytes_alloc");
    assertThat(line.otherAttributes()).containsExactly("sort=bytes_alloc.descending");
    assertThat(line.filter()).map(KernelFilter::toString).hasValue("bytes_req > 1000");
    assertThat(HistTriggerLine.parse("hist:keys=common_pid").filter()).isEmpty();
  }
}
