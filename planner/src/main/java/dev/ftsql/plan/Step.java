package dev.ftsql.plan;

import java.util.List;

/**
 * One write of a plan: a file relative to the tracefs (or instance) root, the exact line appended
 * to it, and the exact line that undoes it. Setup is the steps in order; teardown is the undo lines
 * in reverse.
 */
public sealed interface Step {
  /** e.g. {@code events/sched/sched_switch/trigger}. */
  String file();

  String line();

  String undoLine();

  /** One sentence for people: what this step does. */
  String purpose();

  /** The parts of the written line and the SQL each came from. */
  List<TriggerPart> parts();

  /** Attaches a hist trigger to an event. */
  record AddHistTrigger(String system, String event, HistTrigger trigger, String purpose)
      implements Step {
    @Override
    public String file() {
      return "events/" + system + "/" + event + "/trigger";
    }

    @Override
    public String line() {
      return trigger.text();
    }

    @Override
    public String undoLine() {
      return "!" + trigger.text();
    }

    @Override
    public List<TriggerPart> parts() {
      return trigger.parts();
    }

    /** The event's {@code hist} file, where the results appear. */
    public String histFile() {
      return "events/" + system + "/" + event + "/hist";
    }
  }
}
