package dev.ftsql.plan.corpus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The meaning of a hist trigger's {@code if} filter, read the way the kernel reads it: C precedence
 * ({@code !} over {@code &&} over {@code ||}), numbers in base 0 ({@code 0x10} = 16, {@code 010} = 8).
 * libtracefs and ftsql write the same filter differently (spacing, parentheses, {@code & 2} vs
 * {@code & 0x2}, {@code !(a == 1)} vs {@code a != 1}), so two filters are compared by their truth
 * tables over the comparisons they contain, not by text.
 */
final class KernelFilter {
  private static final int MAX_COMPARISONS = 12;

  private final String text;
  private final Node root;

  private KernelFilter(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /**
   * Parses a kernel filter.
   *
   * @throws IllegalArgumentException when the text is not a filter the kernel would parse
   */
  static KernelFilter parse(String text) {
    return new KernelFilter(text, new Parser(text).parseAll());
  }

  /** True when both filters accept exactly the same records, whatever the field values. */
  boolean meansTheSameAs(KernelFilter other) {
    Set<Comparison> comparisons = new LinkedHashSet<>();
    root.collect(comparisons);
    other.root.collect(comparisons);
    List<Comparison> list = new ArrayList<>(comparisons);
    if (list.size() > MAX_COMPARISONS) {
      throw new IllegalArgumentException("too many comparisons to compare: " + list);
    }
    for (long row = 0; row < (1L << list.size()); row++) {
      long bits = row;
      Predicate<Comparison> truth = c -> (bits >> list.indexOf(c) & 1) == 1;
      if (root.eval(truth) != other.root.eval(truth)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }

  private sealed interface Node permits Comparison, Not, And, Or {
    boolean eval(Predicate<Comparison> truth);

    void collect(Set<Comparison> into);
  }

  /**
   * One comparison, canonical: {@code !=}, {@code >=} and {@code <=} are stored as the negation of
   * {@code ==}, {@code <} and {@code >}, so {@code !(a < 1)} and {@code a >= 1} are the same atom.
   * Numbers are decimal; strings keep their quotes.
   */
  private record Comparison(String field, String op, String value) implements Node {
    @Override
    public boolean eval(Predicate<Comparison> truth) {
      return truth.test(this);
    }

    @Override
    public void collect(Set<Comparison> into) {
      into.add(this);
    }
  }

  private record Not(Node operand) implements Node {
    @Override
    public boolean eval(Predicate<Comparison> truth) {
      return !operand.eval(truth);
    }

    @Override
    public void collect(Set<Comparison> into) {
      operand.collect(into);
    }
  }

  private record And(Node left, Node right) implements Node {
    @Override
    public boolean eval(Predicate<Comparison> truth) {
      return left.eval(truth) && right.eval(truth);
    }

    @Override
    public void collect(Set<Comparison> into) {
      left.collect(into);
      right.collect(into);
    }
  }

  private record Or(Node left, Node right) implements Node {
    @Override
    public boolean eval(Predicate<Comparison> truth) {
      return left.eval(truth) || right.eval(truth);
    }

    @Override
    public void collect(Set<Comparison> into) {
      left.collect(into);
      right.collect(into);
    }
  }

  /** Recursive descent over the kernel's filter grammar: or := and ('||' and)*, and so on. */
  private static final class Parser {
    private static final List<String> OPERATORS =
        List.of("&&", "||", "==", "!=", "<=", ">=", "<", ">", "&", "~", "!", "(", ")", "-");

    private final String text;
    private final List<String> tokens;
    private int next;

    Parser(String text) {
      this.text = text;
      this.tokens = tokenize(text);
    }

    Node parseAll() {
      Node node = or();
      if (next < tokens.size()) {
        throw error("unexpected '" + tokens.get(next) + "'");
      }
      return node;
    }

    private Node or() {
      Node node = and();
      while (accept("||")) {
        node = new Or(node, and());
      }
      return node;
    }

    private Node and() {
      Node node = unary();
      while (accept("&&")) {
        node = new And(node, unary());
      }
      return node;
    }

    private Node unary() {
      if (accept("!")) {
        return new Not(unary());
      }
      if (accept("(")) {
        Node inner = or();
        expect(")");
        return inner;
      }
      return comparison();
    }

    private Node comparison() {
      String field = take();
      if (!Character.isLetter(field.charAt(0)) && field.charAt(0) != '_') {
        throw error("a field name, not '" + field + "'");
      }
      String op = take();
      String value = value();
      return switch (op) {
        case "==", "<", ">", "&", "~" -> new Comparison(field, op, value);
        case "!=" -> new Not(new Comparison(field, "==", value));
        case ">=" -> new Not(new Comparison(field, "<", value));
        case "<=" -> new Not(new Comparison(field, ">", value));
        default -> throw error("not a comparison operator: '" + op + "'");
      };
    }

    /** A quoted string, or a number (optionally negative) as its decimal value. */
    private String value() {
      boolean negative = accept("-");
      String token = take();
      if (token.startsWith("\"") && !negative) {
        return token;
      }
      BigInteger number = number(token);
      return (negative ? number.negate() : number).toString();
    }

    /** The kernel's kstrtoull(s, 0): 0x is hex, a leading 0 is octal. */
    private BigInteger number(String token) {
      try {
        if (token.startsWith("0x") || token.startsWith("0X")) {
          return new BigInteger(token.substring(2), 16);
        }
        if (token.length() > 1 && token.startsWith("0")) {
          return new BigInteger(token.substring(1), 8);
        }
        return new BigInteger(token, 10);
      } catch (NumberFormatException e) {
        throw error("not a number: '" + token + "'");
      }
    }

    private boolean accept(String token) {
      if (next < tokens.size() && tokens.get(next).equals(token)) {
        next++;
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!accept(token)) {
        throw error("expected '" + token + "'");
      }
    }

    private String take() {
      if (next >= tokens.size()) {
        throw error("unexpected end");
      }
      return tokens.get(next++);
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("bad filter (" + what + "): " + text);
    }

    private static List<String> tokenize(String text) {
      List<String> tokens = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        int start = i;
        if (c == ' ') {
          i++;
          continue;
        }
        if (c == '"') {
          int close = text.indexOf('"', i + 1);
          if (close < 0) {
            throw new IllegalArgumentException("unterminated string: " + text);
          }
          i = close + 1;
        } else if (Character.isLetterOrDigit(c) || c == '_') {
          while (i < text.length()
              && (Character.isLetterOrDigit(text.charAt(i)) || "_.".indexOf(text.charAt(i)) >= 0)) {
            i++;
          }
        } else {
          String op = OPERATORS.stream().filter(o -> text.startsWith(o, start)).findFirst()
              .orElseThrow(() -> new IllegalArgumentException("bad character '" + c + "': " + text));
          i += op.length();
        }
        tokens.add(text.substring(start, i));
      }
      return tokens;
    }
  }
}
