package dev.ftsql.plan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftsql.plan.corpus.JoinMeaning.Write;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The join corpus test is only as strict as its comparison: it must tell different joins apart. */
class JoinMeaningTest {
  private static final String WAKING = "events/sched/sched_waking/trigger";
  private static final String SWITCH = "events/sched/sched_switch/trigger";

  /** libtracefs's D09 (wakeup latency with a filter on each side). */
  private static final List<Write> LIBTRACEFS =
      List.of(
          new Write("dynamic_events", "s:foo pid_t pid; u64 lat;"),
          new Write(
              WAKING, "hist:keys=pid:__arg_2=pid,__arg_3=common_timestamp.usecs if prio < 100"),
          new Write(
              SWITCH,
              "hist:keys=next_pid:__pid_1=$__arg_2,__lat_4=common_timestamp.usecs-$__arg_3:onmatch(sched.sched_waking).trace(foo,$__pid_1,$__lat_4)"
                  + " if prev_prio < 100"));

  private static JoinMeaning meaning(String start, String end) {
    return JoinMeaning.of(
        List.of(
            new Write("synthetic_events", "foo pid_t pid; u64 lat"),
            new Write("events/synthetic/foo/trigger", "hist:keys=pid,lat"),
            new Write(WAKING, start),
            new Write(SWITCH, end)),
        "foo");
  }

  @Test
  void variablesAndTheirNamesDoNotMatter() {
    JoinMeaning ftsql =
        meaning(
            "hist:keys=pid:s_pid=pid,s_ts=common_timestamp.usecs if prio < 100",
            "hist:keys=next_pid:e_lat=common_timestamp.usecs-$s_ts"
                + ":onmatch(sched.sched_waking).trace(foo,$s_pid,$e_lat) if prev_prio < 100");
    JoinMeaning libtracefs = JoinMeaning.of(LIBTRACEFS, "foo");

    assertThat(ftsql.carried())
        .containsExactly("start.pid", "end.common_timestamp.usecs - start.common_timestamp.usecs")
        .isEqualTo(libtracefs.carried());
    assertThat(ftsql.fields()).isEqualTo(libtracefs.fields());
    assertThat(ftsql.startKeys()).isEqualTo(libtracefs.startKeys()).containsExactly("pid");
    assertThat(ftsql.endKeys()).isEqualTo(libtracefs.endKeys()).containsExactly("next_pid");
    assertThat(ftsql.actions())
        .isEqualTo(libtracefs.actions())
        .containsExactly("onmatch(sched/sched_waking).trace(foo)");
    assertThat(ftsql.startFilter().get().meansTheSameAs(libtracefs.startFilter().get())).isTrue();
  }

  @Test
  void operandOrderAndSidesAreKept() {
    JoinMeaning backwards =
        meaning(
            "hist:keys=pid:s_pid=pid,s_ts=common_timestamp.usecs",
            "hist:keys=next_pid:e_lat=$s_ts-common_timestamp.usecs"
                + ":onmatch(sched.sched_waking).trace(foo,$s_pid,$e_lat)");
    JoinMeaning endPid =
        meaning(
            "hist:keys=pid:s_ts=common_timestamp.usecs",
            "hist:keys=next_pid:e_pid=pid,e_lat=common_timestamp.usecs-$s_ts"
                + ":onmatch(sched.sched_waking).trace(foo,$e_pid,$e_lat)");

    assertThat(backwards.carried())
        .containsExactly("start.pid", "start.common_timestamp.usecs - end.common_timestamp.usecs");
    assertThat(endPid.carried().get(0)).isEqualTo("end.pid");
  }

  @Test
  void handlersTheirVariablesAndActionsAreCompared() {
    JoinMeaning onmax =
        meaning(
            "hist:keys=pid:s_pid=pid,s_ts=common_timestamp.usecs",
            "hist:keys=next_pid:e_lat=common_timestamp.usecs-$s_ts"
                + ":onmax($e_lat).save(prev_prio):onmax($e_lat).trace(foo,$s_pid,$e_lat)"
                + ":onmax($e_lat).snapshot()");

    assertThat(onmax.actions())
        .containsExactly(
            "onmax(end.common_timestamp.usecs - start.common_timestamp.usecs).save(end.prev_prio)",
            "onmax(end.common_timestamp.usecs - start.common_timestamp.usecs).trace(foo)",
            "onmax(end.common_timestamp.usecs - start.common_timestamp.usecs).snapshot()");
  }

  @Test
  void theStartIsTheEventOnmatchNamesEvenForASelfJoin() {
    JoinMeaning self =
        JoinMeaning.of(
            List.of(
                new Write("synthetic_events", "foo u64 d"),
                new Write(SWITCH, "hist:keys=prev_pid:s_ts=common_timestamp"),
                new Write(
                    SWITCH,
                    "hist:keys=next_pid:e_d=common_timestamp-$s_ts"
                        + ":onmatch(sched.sched_switch).trace(foo,$e_d)")),
            "foo");

    assertThat(self.startKeys()).containsExactly("prev_pid");
    assertThat(self.endKeys()).containsExactly("next_pid");
  }

  @Test
  void syntheticFieldsAreReadInEitherSpelling() {
    assertThat(JoinMeaning.Field.parse("char comm[16]")).hasToString("char[16] comm");
    assertThat(JoinMeaning.Field.parse("unsigned long common_stacktrace[]"))
        .isEqualTo(JoinMeaning.Field.parse("unsigned long[] stack").withName("common_stacktrace"));
    assertThat(JoinMeaning.Field.parse("__data_loc char f[]").type()).isNotEqualTo("char[]");
    assertThat(JoinMeaning.Field.parse("u32 len").type()).isNotEqualTo("s32");
  }

  @Test
  void aJoinThatDoesNotFireTheEventIsAnError() {
    assertThatThrownBy(() -> JoinMeaning.of(LIBTRACEFS, "bar"))
        .hasMessageContaining("no synthetic event bar");
  }
}
