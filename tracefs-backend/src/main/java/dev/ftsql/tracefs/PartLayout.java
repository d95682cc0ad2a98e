package dev.ftsql.tracefs;

import dev.ftsql.plan.HistTrigger;
import dev.ftsql.plan.Step;
import dev.ftsql.plan.TriggerPart;
import dev.ftsql.sql.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each {@link TriggerPart} of a step lies in the step's line, so that a position the kernel
 * reports (the caret of {@code error_log}) leads back to the part, and through its origin to the
 * SQL that produced it.
 */
final class PartLayout {
  /** A part and its {@code [start, end)} in the line. */
  record Placed(TriggerPart part, int start, int end) {}

  private final List<Placed> placed;

  private PartLayout(List<Placed> placed) {
    this.placed = List.copyOf(placed);
  }

  List<Placed> placed() {
    return placed;
  }

  static PartLayout of(Step step) {
    List<Placed> rendered = step instanceof Step.AddHistTrigger h ? render(h.trigger())
        : step instanceof Step.CreateSyntheticEvent s ? render(s) : List.of();
    if (!rendered.isEmpty() && matches(rendered, step.line())) {
      return new PartLayout(rendered);
    }
    return new PartLayout(search(step));
  }

  /** The part at {@code position} in the line; between parts, the next one; at 0, none (unknown). */
  Optional<TriggerPart> at(int position) {
    if (position <= 0) {
      return Optional.empty();
    }
    for (Placed p : placed) {
      if (p.start() <= position && position < p.end()) {
        return Optional.of(p.part());
      }
    }
    for (Placed p : placed) {
      if (p.start() >= position) {
        return Optional.of(p.part());
      }
    }
    return placed.isEmpty() ? Optional.empty() : Optional.of(placed.get(placed.size() - 1).part());
  }

  /** The SQL behind the whole line: the union of its parts' origins. */
  Optional<SourceSpan> whole() {
    SourceSpan span = null;
    for (Placed p : placed) {
      span = span == null ? p.part().origin() : span.union(p.part().origin());
    }
    return Optional.ofNullable(span);
  }

  /** Follows {@link HistTrigger#text()}; checked against the real line before it is trusted. */
  private static List<Placed> render(HistTrigger t) {
    Cursor c = new Cursor();
    c.skip("hist:keys=");
    c.list(t.keys());
    if (!t.values().isEmpty()) {
      c.skip(":vals=");
      c.list(t.values());
    }
    if (!t.sort().isEmpty()) {
      c.skip(":sort=");
      c.list(t.sort());
    }
    t.size().ifPresent(s -> c.skip(":size=" + s));
    if (!t.variables().isEmpty()) {
      c.skip(":");
      c.list(t.variables());
    }
    for (TriggerPart a : t.actions()) {
      c.skip(":");
      c.part(a);
    }
    t.filter().ifPresent(f -> {
      c.skip(" if ");
      c.part(f);
    });
    return c.placed;
  }

  private static List<Placed> render(Step.CreateSyntheticEvent s) {
    Cursor c = new Cursor();
    c.skip(s.name());
    String sep = " ";
    for (TriggerPart f : s.fields()) {
      c.skip(sep);
      c.part(f);
      sep = "; ";
    }
    return c.placed;
  }

  private static boolean matches(List<Placed> placed, String line) {
    for (Placed p : placed) {
      if (p.end() > line.length() || !line.substring(p.start(), p.end()).equals(p.part().text())) {
        return false;
      }
    }
    return true;
  }

  /** A fallback for a line rendered some other way: each part's text, searched left to right. */
  private static List<Placed> search(Step step) {
    List<Placed> out = new ArrayList<>();
    String line = step.line();
    int from = 0;
    for (TriggerPart p : step.parts()) {
      int at = line.indexOf(p.text(), from);
      if (at < 0) {
        continue;
      }
      out.add(new Placed(p, at, at + p.text().length()));
      from = at + p.text().length();
    }
    return out;
  }

  private static final class Cursor {
    final List<Placed> placed = new ArrayList<>();
    int at;

    void skip(String text) {
      at += text.length();
    }

    void part(TriggerPart p) {
      placed.add(new Placed(p, at, at + p.text().length()));
      at += p.text().length();
    }

    void list(List<TriggerPart> parts) {
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          skip(",");
        }
        part(parts.get(i));
      }
    }
  }
}
