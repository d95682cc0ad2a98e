package dev.ftsql.plan.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a join's writes mean, whoever wrote them: the synthetic event's fields, each event's keys
 * and filter, what each field carries (an expression over {@code start.} and {@code end.} fields,
 * variables resolved through both triggers), and the handler with its actions. Names of variables,
 * their number and their order do not matter; libtracefs and ftsql choose them differently (ftsql
 * also adds variables that nothing traces, to consume the start row).
 *
 * @param syntheticName the synthetic event's name
 * @param fields the synthetic event's fields in order
 * @param startEvent {@code system/event} of the start trigger
 * @param endEvent {@code system/event} of the end trigger (the one with the handler)
 * @param carried what each synthetic field receives, in field order; empty when nothing traces
 * @param actions {@code handler.action} in order, e.g. {@code onmax(end.x - start.y).save(end.a)}
 */
record JoinMeaning(
    String syntheticName,
    List<Field> fields,
    String startEvent,
    List<String> startKeys,
    Optional<KernelFilter> startFilter,
    String endEvent,
    List<String> endKeys,
    Optional<KernelFilter> endFilter,
    List<String> carried,
    List<String> actions) {

  /** A synthetic field: {@code char comm[16]} is type {@code char[16]}, name {@code comm}. */
  record Field(String type, String name) {
    static Field parse(String text) {
      String t = text.strip().replaceAll("\\s+", " ");
      int space = t.lastIndexOf(' ');
      String type = t.substring(0, space);
      String name = t.substring(space + 1);
      int bracket = name.indexOf('[');
      if (bracket >= 0) {
        type = type + name.substring(bracket);
        name = name.substring(0, bracket);
      }
      return new Field(type.replace(" [", "["), name);
    }

    Field withName(String other) {
      return new Field(type, other);
    }

    @Override
    public String toString() {
      return type + " " + name;
    }
  }

  /** One write: the file relative to the tracefs root, and the line. */
  record Write(String file, String line) {
    /** {@code FILE :: LINE}, as the case file writes it. */
    static Write parse(String text) {
      int sep = text.indexOf(" :: ");
      if (sep < 0) {
        throw new IllegalArgumentException("not 'file :: line': " + text);
      }
      return new Write(text.substring(0, sep).strip(), text.substring(sep + 4).strip());
    }
  }

  private static final Pattern EVENT_TRIGGER = Pattern.compile("events/(\\w+)/(\\w+)/trigger");
  private static final Pattern HANDLER =
      Pattern.compile("(onmatch|onmax|onchange)\\(([^)]*)\\)\\.(\\w+)\\((.*)\\)");

  /**
   * The meaning of the join that fires the synthetic event {@code name}: its definition, the
   * trigger whose action traces it (the end), and the trigger that end matches (the start). In a
   * chain the start of the last join is the previous synthetic event. Other writes (ftsql's result
   * histogram on the synthetic event, earlier joins of a chain) are not part of this join.
   */
  static JoinMeaning of(List<Write> writes, String name) {
    String synthetic = null;
    List<Trigger> triggers = new ArrayList<>();
    for (Write w : writes) {
      if (w.file().equals("dynamic_events") || w.file().equals("synthetic_events")) {
        if (syntheticName(w.line()).equals(name)) {
          synthetic = w.line();
        }
      } else {
        Matcher m = EVENT_TRIGGER.matcher(w.file());
        if (!m.matches()) {
          throw new IllegalArgumentException("not a trigger file: " + w.file());
        }
        triggers.add(Trigger.parse(m.group(1) + "/" + m.group(2), w.line()));
      }
    }
    if (synthetic == null) {
      throw new IllegalArgumentException("no synthetic event " + name + " in " + writes);
    }
    List<Trigger> ends = triggers.stream().filter(t -> t.fires(name)).toList();
    if (ends.isEmpty()) {
      // -m/-c with only save() or snapshot(): nothing traces the event; the handler's trigger ends.
      ends = triggers.stream().filter(t -> !t.handlers.isEmpty()).toList();
    }
    if (ends.size() != 1) {
      throw new IllegalArgumentException("not one trigger that fires " + name + ": " + writes);
    }
    Trigger end = ends.get(0);
    // The start: on the event onmatch() names, else (onmax/onchange) the other one with variables.
    List<Trigger> starts =
        triggers.stream()
            .filter(t -> t != end)
            .filter(t -> end.matched().map(t.event::equals).orElse(!t.variables.isEmpty()))
            .toList();
    if (starts.size() != 1) {
      throw new IllegalArgumentException("not one start trigger for " + name + ": " + writes);
    }
    Trigger start = starts.get(0);

    String def = synthetic.replaceFirst("^s:(synthetic/)?", "").strip();
    int space = def.indexOf(' ');
    List<Field> fields = new ArrayList<>();
    for (String f : def.substring(space + 1).split(";")) {
      if (!f.isBlank()) {
        fields.add(Field.parse(f));
      }
    }

    Resolver resolve = new Resolver(start, end);
    List<String> carried = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    for (String h : end.handlers) {
      Matcher m = HANDLER.matcher(h);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a handler: " + h);
      }
      String handler =
          m.group(1).equals("onmatch")
              ? "onmatch(" + m.group(2).replace('.', '/') + ")"
              : m.group(1) + "(" + resolve.expression(m.group(2), end) + ")";
      String action = m.group(3);
      List<String> args = m.group(4).isEmpty() ? List.of() : List.of(m.group(4).split(","));
      if (action.equals("save")) {
        actions.add(
            handler
                + ".save("
                + String.join(",", args.stream().map(a -> "end." + a).toList())
                + ")");
      } else if (action.equals("snapshot")) {
        actions.add(handler + ".snapshot()");
      } else {
        // trace(name,params) or the old form name(params)
        List<String> params = action.equals("trace") ? args.subList(1, args.size()) : args;
        String traced = action.equals("trace") ? args.get(0) : action;
        actions.add(handler + ".trace(" + traced + ")");
        List<String> values = params.stream().map(p -> resolve.expression(p, end)).toList();
        if (!carried.isEmpty() && !carried.equals(values)) {
          throw new IllegalArgumentException("two traces with different values: " + h);
        }
        carried = values;
      }
    }
    return new JoinMeaning(
        name,
        List.copyOf(fields),
        start.event,
        start.keys,
        start.filter,
        end.event,
        end.keys,
        end.filter,
        List.copyOf(carried),
        List.copyOf(actions));
  }

  /** The name a synthetic event definition line defines. */
  static String syntheticName(String line) {
    String def = line.replaceFirst("^s:(synthetic/)?", "").strip();
    int space = def.indexOf(' ');
    return space < 0 ? def : def.substring(0, space);
  }

  /** The fields' types, in order. */
  List<String> types() {
    return fields.stream().map(Field::type).toList();
  }

  List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  /** One hist trigger taken apart: keys, variable definitions, handlers, filter. */
  private record Trigger(
      String event,
      List<String> keys,
      Map<String, String> variables,
      List<String> handlers,
      Optional<KernelFilter> filter) {

    /** Whether an action of this trigger traces the synthetic event {@code name}. */
    boolean fires(String name) {
      return handlers.stream()
          .map(HANDLER::matcher)
          .filter(Matcher::matches)
          .anyMatch(
              m ->
                  m.group(3).equals(name)
                      || (m.group(3).equals("trace") && m.group(4).split(",")[0].equals(name)));
    }

    /** {@code system/event} of the onmatch() handler, if there is one. */
    Optional<String> matched() {
      return handlers.stream()
          .map(HANDLER::matcher)
          .filter(m -> m.matches() && m.group(1).equals("onmatch"))
          .map(m -> m.group(2).replace('.', '/'))
          .findFirst();
    }

    /** Variables and handlers from the attributes that are neither keys nor values. */
    static Trigger parse(String event, String line) {
      HistTriggerLine parts = HistTriggerLine.parse(line);
      Map<String, String> variables = new LinkedHashMap<>();
      List<String> handlers = new ArrayList<>();
      for (String a : parts.otherAttributes()) {
        if (a.startsWith("on")) {
          handlers.add(a);
        } else if (!a.startsWith("sort=")
            && !a.startsWith("size=")
            && !a.matches("pause|cont|clear")) {
          for (String v : a.split(",")) {
            int eq = v.indexOf('=');
            if (eq < 0) {
              throw new IllegalArgumentException("not a variable: " + v + " in " + line);
            }
            variables.put(v.substring(0, eq), v.substring(eq + 1));
          }
        }
      }
      return new Trigger(event, parts.keys(), variables, handlers, parts.filter());
    }
  }

  /** Rewrites a trigger's expression into {@code start.}/{@code end.} fields, through variables. */
  private record Resolver(Trigger start, Trigger end) {
    private static final Pattern OPERATOR = Pattern.compile("(?<=[^-+*/])([-+*/])");

    String expression(String text, Trigger on) {
      String[] parts = OPERATOR.split(text, -1);
      Matcher ops = OPERATOR.matcher(text);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          ops.find();
          out.append(' ').append(ops.group(1)).append(' ');
        }
        String operand = operand(parts[i].strip(), on);
        boolean compound = parts.length > 1 && operand.contains(" ");
        out.append(compound ? "(" + operand + ")" : operand);
      }
      return out.toString();
    }

    private String operand(String token, Trigger on) {
      if (token.startsWith("$")) {
        String var = token.substring(1);
        Trigger other = on == end ? start : end;
        if (on.variables.containsKey(var)) {
          return expression(on.variables.get(var), on);
        }
        if (other.variables.containsKey(var)) {
          return expression(other.variables.get(var), other);
        }
        throw new IllegalArgumentException("undefined variable " + token);
      }
      if (token.matches("-?(0x[0-9a-fA-F]+|\\d+)")) {
        return token;
      }
      return (on == end ? "end." : "start.") + token;
    }
  }
}
