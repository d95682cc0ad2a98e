package dev.ftsql.tracefs.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the text of a {@code hist} file (kernel-hist.md §6) in one pass over the characters, with no
 * regular expressions: a 131,072-entry table must parse in well under a second.
 *
 * <p>The {@code # trigger info:} line says how each key is rendered ({@code .sym}, {@code .log2},
 * ...), which the text alone cannot always tell (a string key of digits looks like a number). Keys
 * are read by that rendering; a key that does not look the way its rendering says, or has a modifier
 * this parser does not know, is kept as {@link HistKey.Raw}. Without a trigger line the rendering is
 * guessed from the text.
 */
public final class HistParser {
  private final String s;
  private final int n;
  private int pos;
  /**
   * Recently seen comms, symbols and strings, by hash: a table repeats them on most lines, and
   * sharing one String each keeps a 131,072-entry parse small.
   */
  private final String[] seen = new String[1024];
  /** The label of the key {@link #key} read last. */
  private String keyLabel;
  private static final HistKey.Log2[] LOG2 = new HistKey.Log2[65];

  static {
    for (int i = 0; i < LOG2.length; i++) {
      LOG2[i] = new HistKey.Log2(i);
    }
  }

  private HistParser(String text) {
    this.s = text;
    this.n = text.length();
  }

  /** Parses a whole {@code hist} file. Never fails: what cannot be read is skipped or kept raw. */
  public static HistFile parse(CharSequence text) {
    return new HistParser(text.toString()).file();
  }

  private HistFile file() {
    List<Histogram> out = new ArrayList<>();
    Block block = null;
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '{') {
        if (block == null) {
          block = new Block(TriggerInfo.parse(""));
        }
        block.entries.add(entry(block));
        continue;
      }
      int eol = lineEnd(pos);
      if (c == '#' && s.startsWith("# trigger info: ", pos)) {
        if (block != null) {
          out.add(block.build(Optional.empty()));
        }
        block = new Block(TriggerInfo.parse(s.substring(pos + "# trigger info: ".length(), eol)));
      } else if (c == 'T' && s.startsWith("Totals:", pos) && block != null) {
        pos = eol + 1;
        out.add(block.build(Optional.of(totals())));
        block = null;
        continue;
      } else if (c == 'S' && s.startsWith("Snapshot taken", pos) && block != null) {
        pos = eol + 1;
        block.snapshot = Optional.of(snapshot());
        continue;
      }
      pos = eol + 1;
    }
    if (block != null) {
      out.add(block.build(Optional.empty()));
    }
    return new HistFile(out);
  }

  /** What is known of one histogram while its entries are read. */
  private static final class Block {
    final TriggerInfo trigger;
    final List<HistEntry> entries = new ArrayList<>();
    final Rendering[] renderings;
    final String[] labels;
    /** ", label:" of the key after each key: where a free-text key ends. */
    final String[] nextNeedles;
    final Set<String> hexValues = new HashSet<>();
    final String[] valueNames;
    final List<List<String>> savedNames = new ArrayList<>();
    Optional<String> snapshot = Optional.empty();

    Block(TriggerInfo trigger) {
      this.trigger = trigger;
      int k = trigger.keys().size();
      renderings = new Rendering[k];
      labels = new String[k];
      keyNames = new String[Math.max(1, k)];
      for (int i = 0; i < k; i++) {
        String key = trigger.keys().get(i);
        renderings[i] = Rendering.of(key);
        labels[i] = renderings[i] == Rendering.STACK ? null : label(key);
      }
      nextNeedles = new String[k];
      for (int i = 0; i + 1 < k; i++) {
        nextNeedles[i] = labels[i + 1] == null ? null : ", " + labels[i + 1] + ":";
      }
      List<String> names = new ArrayList<>();
      for (String v : trigger.values()) {
        String name = label(v);
        if (v.endsWith(".hex")) {
          hexValues.add(name);
        }
        names.add(name);
      }
      valueNames = names.toArray(new String[0]);
      for (String a : trigger.actions()) {
        // snapshot() actions print no line under the entries.
        if ((a.startsWith("onmax(") || a.startsWith("onchange(")) && !a.contains(".snapshot(")) {
          savedNames.add(saveArguments(a));
        }
      }
    }

    /** Scratch space for one entry's key labels and values: entries copy only what differs. */
    String[] keyNames;
    String[] valueScratch = new String[2];
    long[] numberScratch = new long[2];
    private String[] lastKeyNames = new String[0];
    private String[] lastValueNames = new String[0];

    /** The key labels of this entry, as one array shared with the entries before it. */
    String[] sharedKeyNames(int count) {
      if (count != lastKeyNames.length || !Arrays.equals(keyNames, 0, count, lastKeyNames, 0, count)) {
        lastKeyNames = Arrays.copyOf(keyNames, count);
      }
      return lastKeyNames;
    }

    String[] sharedValueNames(int count) {
      if (count != lastValueNames.length || !Arrays.equals(valueScratch, 0, count, lastValueNames, 0, count)) {
        lastValueNames = Arrays.copyOf(valueScratch, count);
      }
      return lastValueNames;
    }

    Histogram build(Optional<Totals> totals) {
      Totals t = totals.orElseGet(() -> {
        long hits = 0;
        for (HistEntry e : entries) {
          hits += e.hitcount();
        }
        return new Totals(hits, entries.size(), 0);
      });
      return new Histogram(trigger, entries, t, snapshot);
    }

    private static String label(String spec) {
      int dot = spec.indexOf('.');
      return dot < 0 ? spec : spec.substring(0, dot);
    }

    private static List<String> saveArguments(String action) {
      int at = action.indexOf(".save(");
      if (at < 0) {
        return List.of();
      }
      int end = action.indexOf(')', at);
      List<String> names = new ArrayList<>();
      for (String a : action.substring(at + ".save(".length(), end < 0 ? action.length() : end).split(",")) {
        names.add(a.strip());
      }
      return names;
    }
  }

  /** How the kernel renders a key, from its modifier. */
  private enum Rendering {
    PLAIN,
    HEX,
    SYM,
    EXECNAME,
    SYSCALL,
    LOG2,
    BUCKETS,
    STACK,
    UNKNOWN;

    static Rendering of(String key) {
      if (key.equals("stacktrace") || key.equals("common_stacktrace") || key.endsWith(".stacktrace")) {
        return STACK;
      }
      int dot = key.indexOf('.');
      if (dot < 0) {
        return PLAIN;
      }
      String m = key.substring(dot + 1);
      if (m.startsWith("buckets=") || m.startsWith("bucket=")) {
        return BUCKETS;
      }
      switch (m) {
        case "hex":
          return HEX;
        case "sym":
        case "sym-offset":
          return SYM;
        case "execname":
          return EXECNAME;
        case "syscall":
          return SYSCALL;
        case "log2":
          return LOG2;
        case "usecs":
          return PLAIN;
        default:
          return UNKNOWN;
      }
    }
  }

  // ---- entries ------------------------------------------------------------------------------

  /** Reads one entry starting at its "{ ", and the max:/changed: lines under it. */
  private HistEntry entry(Block b) {
    pos += 2;
    String[] keyNames = b.keyNames;
    HistKey[] keys = new HistKey[b.keyNames.length];
    int keyCount = 0;
    while (true) {
      if (keyCount == keys.length) {
        b.keyNames = keyNames = Arrays.copyOf(keyNames, keyCount + 1);
        keys = Arrays.copyOf(keys, keyCount + 1);
      }
      keys[keyCount] = key(b, keyCount);
      keyNames[keyCount] = keyLabel;
      keyCount++;
      skipSpaces();
      if (pos < n && s.charAt(pos) == ',') {
        pos += 2;
        continue;
      }
      if (pos < n && s.charAt(pos) == '}') {
        pos++;
      }
      break;
    }
    if (keyCount < keys.length) {
      keys = Arrays.copyOf(keys, keyCount);
    }
    int eol = lineEnd(pos);
    long hitcount = 0;
    String[] names = b.valueScratch;
    long[] numbers = b.numberScratch;
    int valueCount = 0;
    while (pos < eol) {
      skipSpaces();
      int colon = s.indexOf(':', pos);
      if (colon < 0 || colon >= eol) {
        break;
      }
      String name = valueName(b, pos, colon);
      pos = colon + 1;
      skipSpaces();
      int start = pos;
      while (pos < eol && s.charAt(pos) != ' ') {
        pos++;
      }
      if (pos > start && s.charAt(pos - 1) == ':') {
        pos = start; // an empty .graph bar: this token is the next name
        continue;
      }
      long number;
      if (name.equals("hitcount")) {
        hitcount = decimal(start, pos);
        continue;
      } else if (!b.hexValues.isEmpty() && b.hexValues.contains(name)) {
        number = hex(start, pos);
      } else if (allDigits(start, pos)) {
        number = decimal(start, pos);
      } else {
        continue; // .percent and .graph are not numbers
      }
      if (valueCount == names.length) {
        b.valueScratch = names = Arrays.copyOf(names, valueCount * 2);
        b.numberScratch = numbers = Arrays.copyOf(numbers, valueCount * 2);
      }
      names[valueCount] = name;
      numbers[valueCount] = number;
      valueCount++;
    }
    pos = eol + 1;
    List<Tracked> tracked = List.of();
    int handler = 0;
    while (pos < n && s.charAt(pos) == '\t') {
      Tracked.Handler h;
      if (s.startsWith("\tmax:", pos)) {
        h = Tracked.Handler.MAX;
      } else if (s.startsWith("\tchanged:", pos)) {
        h = Tracked.Handler.CHANGED;
      } else {
        break;
      }
      if (tracked.isEmpty()) {
        tracked = new ArrayList<>(1);
      }
      tracked.add(trackedLine(h, handler < b.savedNames.size() ? b.savedNames.get(handler) : List.of()));
      handler++;
    }
    return new HistEntry(b.sharedKeyNames(keyCount), keys, hitcount, b.sharedValueNames(valueCount),
        Arrays.copyOf(numbers, valueCount), tracked);
  }

  private String valueName(Block b, int start, int end) {
    int len = end - start;
    if (len == 8 && s.startsWith("hitcount", start)) {
      return "hitcount";
    }
    for (String v : b.valueNames) {
      if (v.length() == len && s.startsWith(v, start)) {
        return v;
      }
    }
    return s.substring(start, end);
  }

  /** Reads key {@code i}: "label: value", or a stack ("label:\n" then one frame per line). */
  private HistKey key(Block b, int i) {
    int start = pos;
    int eol = lineEnd(pos);
    while (pos < eol) {
      char c = s.charAt(pos);
      if (c == ':' || c == ' ') {
        break;
      }
      pos++;
    }
    String label = labelText(b, i, start, pos);
    if (pos >= eol || s.charAt(pos) == ' ') {
      // A synthetic event's stack field prints "field.stacktrace" and its first frame on the same line.
      if (label.endsWith(".stacktrace")) {
        keyLabel = label;
        return stack();
      }
      pos = start;
      keyLabel = "";
      return rawUntil(keysEnd(eol));
    }
    pos++; // ':'
    if (pos < n && s.charAt(pos) == '\n') {
      pos++;
      keyLabel = label;
      return stack();
    }
    pos++; // ' '
    Rendering r = i < b.renderings.length ? b.renderings[i] : null;
    int valueStart = pos;
    HistKey value = r == null ? guessed(b, i, eol, label) : rendered(r, b, i, eol);
    if (value == null) {
      pos = valueStart;
      value = rawUntil(textEnd(b, i, eol));
    }
    keyLabel = label;
    return value;
  }

  private HistKey.Raw rawUntil(int end) {
    String raw = trimmed(pos, Math.max(pos, end));
    pos = Math.max(pos, end);
    return new HistKey.Raw(raw);
  }

  private String labelText(Block b, int i, int start, int end) {
    if (i < b.labels.length && b.labels[i] != null) {
      String l = b.labels[i];
      if (l.length() == end - start && s.startsWith(l, start)) {
        return l;
      }
    }
    return s.substring(start, end);
  }

  /** A key read by its known rendering; null when the text does not fit it. */
  private HistKey rendered(Rendering r, Block b, int i, int eol) {
    switch (r) {
      case PLAIN: {
        HistKey number = plainNumber(eol);
        if (number != null) {
          return number;
        }
        int end = textEnd(b, i, eol);
        HistKey text = new HistKey.Text(trimmed(pos, end));
        pos = end;
        return text;
      }
      case HEX: {
        int start = pos;
        while (pos < eol && isHex(s.charAt(pos))) {
          pos++;
        }
        return pos > start ? new HistKey.Hex(hex(start, pos)) : null;
      }
      case SYM: {
        if (pos >= eol || s.charAt(pos) != '[') {
          return null;
        }
        int close = s.indexOf(']', pos);
        if (close < 0 || close >= eol) {
          return null;
        }
        long address = hex(pos + 1, close);
        pos = Math.min(close + 2, eol);
        int end = Math.max(pos, textEnd(b, i, eol));
        String symbol = trimmed(pos, end);
        pos = end;
        return new HistKey.Symbol(address, symbol);
      }
      case EXECNAME:
      case SYSCALL: {
        int close = s.indexOf(']', pos);
        if (close < 0 || close >= eol) {
          return null;
        }
        int open = s.lastIndexOf('[', close);
        if (open < pos) {
          return null;
        }
        String name = trimmed(pos, open);
        int d = open + 1;
        while (d < close && s.charAt(d) == ' ') {
          d++;
        }
        if (!allDigits(d, close)) {
          return null;
        }
        long id = decimal(d, close);
        pos = close + 1;
        return r == Rendering.EXECNAME ? new HistKey.Execname(name, id) : new HistKey.Syscall(name, id);
      }
      case LOG2: {
        if (!s.startsWith("~ 2^", pos)) {
          return null;
        }
        int start = pos + 4;
        pos = start;
        while (pos < eol && isDigit(s.charAt(pos))) {
          pos++;
        }
        if (pos == start) {
          return null;
        }
        long exponent = decimal(start, pos);
        return exponent < LOG2.length ? LOG2[(int) exponent] : new HistKey.Log2((int) exponent);
      }
      case BUCKETS: {
        if (!s.startsWith("~ ", pos)) {
          return null;
        }
        int lo = pos + 2;
        int dash = lo;
        while (dash < eol && isDigit(s.charAt(dash))) {
          dash++;
        }
        if (dash == lo || dash >= eol || s.charAt(dash) != '-') {
          return null;
        }
        int hi = dash + 1;
        pos = hi;
        while (pos < eol && isDigit(s.charAt(pos))) {
          pos++;
        }
        return pos > hi ? new HistKey.Bucket(decimal(lo, dash), decimal(hi, pos)) : null;
      }
      case STACK:
      case UNKNOWN:
      default:
        return null;
    }
  }

  /** No trigger line: guess the rendering from how the value looks. */
  private HistKey guessed(Block b, int i, int eol, String label) {
    if (s.startsWith("~ 2^", pos)) {
      return rendered(Rendering.LOG2, b, i, eol);
    }
    if (s.startsWith("~ ", pos)) {
      return rendered(Rendering.BUCKETS, b, i, eol);
    }
    if (pos < eol && s.charAt(pos) == '[') {
      return rendered(Rendering.SYM, b, i, eol);
    }
    HistKey number = plainNumber(eol);
    if (number != null) {
      return number;
    }
    int end = textEnd(b, i, eol);
    String text = s.substring(pos, end).stripTrailing();
    if (text.endsWith("]") && text.indexOf('[') > 0) {
      Rendering r = label.equals("common_pid") ? Rendering.EXECNAME : Rendering.SYSCALL;
      int save = pos;
      HistKey named = rendered(r, b, i, eol);
      if (named != null) {
        return named;
      }
      pos = save;
    }
    pos = end;
    return new HistKey.Text(text);
  }

  /**
   * "%10llu": spaces, digits, then the end of the key (", " or " }"). A string key of digits is
   * padded to 50 columns, so it fails this test unless it is that long.
   */
  private HistKey plainNumber(int eol) {
    int p = pos;
    while (p < eol && s.charAt(p) == ' ') {
      p++;
    }
    int start = p;
    while (p < eol && isDigit(s.charAt(p))) {
      p++;
    }
    if (p == start) {
      return null;
    }
    boolean ends = p == eol
        || s.charAt(p) == '}'
        || (p + 1 < n && ((s.charAt(p) == ',' && s.charAt(p + 1) == ' ')
            || (s.charAt(p) == ' ' && s.charAt(p + 1) == '}')));
    if (!ends) {
      return null;
    }
    pos = p;
    return new HistKey.Number(decimal(start, p));
  }

  /**
   * Where free text (a string, a symbol) of key {@code i} ends: before ", nextlabel:" when another
   * key follows on this line, else before the closing brace of the keys.
   */
  private int textEnd(Block b, int i, int eol) {
    boolean last = b.labels.length > 0 && i + 1 >= b.labels.length;
    if (!last) {
      String next = i < b.nextNeedles.length ? b.nextNeedles[i] : null;
      int at = next == null ? -1 : s.indexOf(next, pos);
      if (at >= 0 && at < eol) {
        return at;
      }
      // A stack key next, no trigger line, or a label the kernel prints its own way (cpu).
      at = nextLabel(eol);
      if (at >= 0) {
        return at;
      }
    }
    return keysEnd(eol);
  }

  /** The next ", label:" on this line, for keys the trigger line does not name. */
  private int nextLabel(int eol) {
    int at = pos;
    while ((at = s.indexOf(", ", at)) >= 0 && at < eol) {
      int p = at + 2;
      while (p < eol && isLabelChar(s.charAt(p))) {
        p++;
      }
      if (p > at + 2 && p < n && (s.charAt(p) == ':' || s.startsWith(".stacktrace", p - ".stacktrace".length()))) {
        return at;
      }
      at += 2;
    }
    return -1;
  }

  /** The closing brace of the keys: the last '}' of the line (values are numbers, never braces). */
  private int keysEnd(int eol) {
    int close = s.lastIndexOf('}', eol);
    if (close < pos) {
      return eol;
    }
    // " }" after a one-line key: the space belongs to the brace.
    return close > pos && s.charAt(close - 1) == ' ' ? close - 1 : close;
  }

  /** Frames, one per line and indented, up to the line that starts with '}' or ','. */
  private HistKey.Stack stack() {
    List<String> frames = new ArrayList<>();
    while (pos < n) {
      int eol = lineEnd(pos);
      int p = pos;
      while (p < eol && s.charAt(p) == ' ') {
        p++;
      }
      if (p == pos || p == eol) {
        break;
      }
      frames.add(s.substring(p, eol).stripTrailing());
      pos = eol + 1;
    }
    return new HistKey.Stack(frames);
  }

  private Tracked trackedLine(Tracked.Handler h, List<String> names) {
    int eol = lineEnd(pos);
    pos += 1 + h.label().length() + 1;
    skipSpaces();
    int start = pos;
    while (pos < eol && isDigit(s.charAt(pos))) {
      pos++;
    }
    long value = decimal(start, pos);
    Map<String, String> saved = new LinkedHashMap<>();
    if (!names.isEmpty()) {
      for (int j = 0; j < names.size(); j++) {
        String name = names.get(j);
        int at = s.indexOf(name + ": ", pos);
        if (at < 0 || at >= eol) {
          break;
        }
        int from = at + name.length() + 2;
        int to = eol;
        if (j + 1 < names.size()) {
          int next = s.indexOf("  " + names.get(j + 1) + ": ", from);
          to = next >= 0 && next < eol ? next : eol;
        }
        saved.put(name, s.substring(from, to).strip());
        pos = to;
      }
    } else {
      savedFields(eol, saved);
    }
    pos = eol + 1;
    return new Tracked(h, value, saved);
  }

  /** "  name: value" pairs when the trigger line does not name them. */
  private void savedFields(int eol, Map<String, String> saved) {
    while (pos < eol) {
      skipSpaces();
      int colon = s.indexOf(": ", pos);
      if (colon < 0 || colon >= eol) {
        return;
      }
      String name = s.substring(pos, colon);
      int from = colon + 2;
      int to = from;
      int next = eol;
      while ((to = s.indexOf("  ", to)) >= 0 && to < eol) {
        int p = to;
        while (p < eol && s.charAt(p) == ' ') {
          p++;
        }
        int q = p;
        while (q < eol && isLabelChar(s.charAt(q))) {
          q++;
        }
        if (q > p && s.startsWith(": ", q)) {
          next = to;
          break;
        }
        to = p;
      }
      saved.put(name, s.substring(from, next).strip());
      pos = next;
    }
  }

  // ---- totals and snapshot ----------------------------------------------------------------------

  private Totals totals() {
    long hits = 0;
    long entries = 0;
    long dropped = 0;
    while (pos < n) {
      int eol = lineEnd(pos);
      skipSpaces();
      if (s.startsWith("Hits:", pos)) {
        hits = numberAfter(pos + 5, eol);
      } else if (s.startsWith("Entries:", pos)) {
        entries = numberAfter(pos + 8, eol);
      } else if (s.startsWith("Dropped:", pos)) {
        dropped = numberAfter(pos + 8, eol);
      } else {
        pos = lineStart(pos);
        break;
      }
      pos = eol + 1;
    }
    return new Totals(hits, entries, dropped);
  }

  private String snapshot() {
    StringBuilder lines = new StringBuilder();
    while (pos < n) {
      int eol = lineEnd(pos);
      if (eol == pos || s.startsWith("Totals:", pos)) {
        break;
      }
      lines.append(s, pos, eol).append('\n');
      pos = eol + 1;
    }
    return lines.toString();
  }

  // ---- characters -------------------------------------------------------------------------------

  private long numberAfter(int from, int eol) {
    int p = from;
    while (p < eol && s.charAt(p) == ' ') {
      p++;
    }
    int start = p;
    while (p < eol && isDigit(s.charAt(p))) {
      p++;
    }
    return decimal(start, p);
  }

  /** The text between start and end without the spaces around it, shared if seen lately. */
  private String trimmed(int start, int end) {
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    int len = end - start;
    int h = len;
    for (int i = start; i < end; i++) {
      h = 31 * h + s.charAt(i);
    }
    int slot = (h ^ (h >>> 12)) & (seen.length - 1);
    String cached = seen[slot];
    if (cached != null && cached.length() == len && s.startsWith(cached, start)) {
      return cached;
    }
    String fresh = s.substring(start, end);
    seen[slot] = fresh;
    return fresh;
  }

  private int lineEnd(int from) {
    int eol = s.indexOf('\n', from);
    return eol < 0 ? n : eol;
  }

  private int lineStart(int at) {
    return s.lastIndexOf('\n', at - 1) + 1;
  }

  private void skipSpaces() {
    while (pos < n && s.charAt(pos) == ' ') {
      pos++;
    }
  }

  private boolean allDigits(int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** u64 in decimal; wraps like the kernel's u64, so values above Long.MAX_VALUE keep their bits. */
  private long decimal(int start, int end) {
    long v = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        break;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private long hex(int start, int end) {
    long v = 0;
    for (int i = start; i < end; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0) {
        break;
      }
      v = (v << 4) | d;
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isLabelChar(char c) {
    return c == '_' || c == '.' || c == '$' || isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
