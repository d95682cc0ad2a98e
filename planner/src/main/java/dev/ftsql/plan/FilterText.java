package dev.ftsql.plan;

import dev.ftsql.sql.query.Column;
import dev.ftsql.sql.query.ColumnKind;
import dev.ftsql.sql.query.Predicate;
import java.util.List;

/** Renders a {@link Predicate} in the kernel's event-filter syntax. */
final class FilterText implements Predicate.Visitor<String> {
  private final KernelProfile profile;

  FilterText(KernelProfile profile) {
    this.profile = profile;
  }

  String render(Predicate p) {
    return p.accept(this);
  }

  @Override
  public String visitAnd(Predicate.And and) {
    return join(and.operands(), " && ");
  }

  @Override
  public String visitOr(Predicate.Or or) {
    return join(or.operands(), " || ");
  }

  @Override
  public String visitNot(Predicate.Not not) {
    return "!(" + render(not.operand()) + ")";
  }

  @Override
  public String visitNumberCompare(Predicate.NumberCompare c) {
    return field(c.column()) + " " + c.op().kernel() + " " + c.value();
  }

  @Override
  public String visitStringCompare(Predicate.StringCompare c) {
    return field(c.column()) + (c.equal() ? " == " : " != ") + quote(c.value());
  }

  @Override
  public String visitGlob(Predicate.Glob g) {
    return field(g.column()) + " ~ " + quote(g.pattern());
  }

  @Override
  public String visitBitTest(Predicate.BitTest t) {
    return field(t.column()) + " & 0x" + t.mask().toString(16);
  }

  /** Compound operands are parenthesized so precedence never depends on the reader. */
  private String join(List<Predicate> operands, String op) {
    StringBuilder b = new StringBuilder();
    for (Predicate p : operands) {
      if (b.length() > 0) {
        b.append(op);
      }
      boolean compound = p instanceof Predicate.And || p instanceof Predicate.Or;
      b.append(compound ? "(" + render(p) + ")" : render(p));
    }
    return b.toString();
  }

  private String field(Column c) {
    return c.kind() == ColumnKind.CPU ? profile.cpuFilterField() : c.field();
  }

  /** The kernel takes "..." or '...' and has no escapes; the analyzer refused values with both. */
  private static String quote(String value) {
    return value.indexOf('"') >= 0 ? "'" + value + "'" : "\"" + value + "\"";
  }
}
