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

  /**
   * True for a file of the tracefs root even when the plan runs in an instance: synthetic events
   * are global, only triggers live in instances.
   */
  default boolean global() {
    return false;
  }

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

  /** Defines a synthetic event in {@code synthetic_events}. */
  record CreateSyntheticEvent(String name, List<TriggerPart> fields, String purpose) implements Step {
    @Override
    public String file() {
      return "synthetic_events";
    }

    @Override
    public String line() {
      StringBuilder b = new StringBuilder(name);
      String sep = " ";
      for (TriggerPart f : fields) {
        b.append(sep).append(f.text());
        sep = "; ";
      }
      return b.toString();
    }

    @Override
    public String undoLine() {
      return "!" + name;
    }

    @Override
    public List<TriggerPart> parts() {
      return fields;
    }

    @Override
    public boolean global() {
      return true;
    }
  }
}
