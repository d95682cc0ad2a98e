package dev.ftsql.tracefs;

import dev.ftsql.plan.PlanOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The write-ahead journal of one applied plan: a text file in the state directory, one record a
 * line, fields separated by tabs (tabs, newlines and backslashes escaped). The header and every
 * change come first; then {@code begin N} is appended (and synced) before change N is written,
 * {@code done N} or {@code failed N} after, and {@code undone N} after its undo. Reading the file
 * back tells exactly what may be in the tracefs, whatever happened to the writer.
 *
 * <pre>
 * ftsql-journal	1
 * name	wakeup
 * owner	run
 * ...
 * change	0	append	synthetic_events	wakeup u64 lat	!wakeup
 * begin	0
 * done	0
 * </pre>
 */
final class PlanJournal {
  static final String MAGIC = "ftsql-journal";
  static final String SUFFIX = ".plan";

  private final Path file;

  private PlanJournal(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** Claims {@code file} (it must not exist) and writes the header and the changes. */
  static PlanJournal create(Path file, PlanRecord r) {
    List<String> lines = new ArrayList<>();
    lines.add(record(MAGIC, "1"));
    lines.add(record("name", r.name()));
    lines.add(record("owner", r.owner()));
    lines.add(record("pid", Long.toString(r.pid())));
    lines.add(record("detached", Boolean.toString(r.detached())));
    lines.add(record("started", r.started().toString()));
    lines.add(record("tracefs", r.tracefs().toString()));
    r.instance().ifPresent(i -> lines.add(record("instance", i)));
    r.sql().ifPresent(s -> lines.add(record("sql", s)));
    options(r.options(), lines);
    lines.add(record("result", r.histFile(), r.trigger()));
    for (int i = 0; i < r.changes().size(); i++) {
      TracefsChange c = r.changes().get(i);
      lines.add(record("change", Integer.toString(i), c.kind().name().toLowerCase(java.util.Locale.ROOT), c.path(),
          c.line(), c.undoLine()));
    }
    StringBuilder text = new StringBuilder();
    lines.forEach(l -> text.append(l).append('\n'));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      write(ch, text.toString());
    } catch (IOException e) {
      throw new TracefsException("cannot write the state file " + file + ": " + e.getMessage(), e);
    }
    return new PlanJournal(file);
  }

  static PlanJournal at(Path file) {
    return new PlanJournal(file);
  }

  void begin(int change) {
    append("begin", change);
  }

  void done(int change) {
    append("done", change);
  }

  void failed(int change) {
    append("failed", change);
  }

  void undone(int change) {
    append("undone", change);
  }

  boolean exists() {
    return Files.exists(file);
  }

  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new TracefsException("cannot remove the state file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The journal as it stands; empty if the file is gone (the plan was stopped). */
  Optional<PlanRecord> read() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new TracefsException("cannot read the state file " + file + ": " + e.getMessage(), e);
    }
    return Optional.of(parse(file, text));
  }

  /**
   * Parses a journal. A last line without its newline is a write cut short by a crash, and is
   * ignored: the change it announced was never started.
   */
  static PlanRecord parse(Path file, String text) {
    String name = null;
    String owner = "?";
    long pid = -1;
    boolean detached = false;
    Instant started = Instant.EPOCH;
    Path tracefs = null;
    Optional<String> instance = Optional.empty();
    Optional<String> sql = Optional.empty();
    Optional<String> optionName = Optional.empty();
    Optional<Integer> size = Optional.empty();
    List<String> save = List.of();
    Optional<PlanOptions.Handler> handler = Optional.empty();
    boolean snapshot = false;
    boolean traceSnapshot = false;
    String histFile = "";
    String trigger = "";
    List<TracefsChange> changes = new ArrayList<>();
    List<PlanRecord.Status> statuses = new ArrayList<>();
    int end = text.lastIndexOf('\n');
    String complete = end < 0 ? "" : text.substring(0, end);
    boolean first = true;
    for (String line : complete.split("\n", -1)) {
      List<String> f = fields(line);
      if (first) {
        if (f.size() < 2 || !f.get(0).equals(MAGIC)) {
          throw new TracefsException("not an ftsql state file: " + file);
        }
        first = false;
        continue;
      }
      if (f.isEmpty()) {
        continue;
      }
      String v = f.size() > 1 ? f.get(1) : "";
      switch (f.get(0)) {
        case "name" -> name = v;
        case "owner" -> owner = v;
        case "pid" -> pid = Long.parseLong(v);
        case "detached" -> detached = Boolean.parseBoolean(v);
        case "started" -> started = Instant.parse(v);
        case "tracefs" -> tracefs = Path.of(v);
        case "instance" -> instance = Optional.of(v);
        case "sql" -> sql = Optional.of(v);
        case "option" -> {
          String w = f.size() > 2 ? f.get(2) : "";
          switch (v) {
            case "name" -> optionName = Optional.of(w);
            case "size" -> size = Optional.of(Integer.parseInt(w));
            case "save" -> save = List.of(w.split(","));
            case "onmax" -> handler = Optional.of(new PlanOptions.Handler(PlanOptions.Handler.Kind.MAX, w));
            case "onchange" -> handler = Optional.of(new PlanOptions.Handler(PlanOptions.Handler.Kind.CHANGE, w));
            case "snapshot" -> snapshot = true;
            case "trace-snapshot" -> traceSnapshot = true;
            default -> { }
          }
        }
        case "result" -> {
          histFile = v;
          trigger = f.size() > 2 ? f.get(2) : "";
        }
        case "change" -> {
          TracefsChange.Kind kind = TracefsChange.Kind.valueOf(f.get(2).toUpperCase(java.util.Locale.ROOT));
          changes.add(new TracefsChange(kind, f.get(3), f.get(4), f.get(5)));
          statuses.add(PlanRecord.Status.PENDING);
        }
        case "begin" -> set(statuses, v, PlanRecord.Status.BEGUN);
        case "done" -> set(statuses, v, PlanRecord.Status.DONE);
        case "failed" -> set(statuses, v, PlanRecord.Status.FAILED);
        case "undone" -> set(statuses, v, PlanRecord.Status.UNDONE);
        default -> { }
      }
    }
    if (name == null || tracefs == null) {
      // Cut short while the header was written: nothing was applied yet.
      String base = file.getFileName().toString();
      name = name != null ? name : base.substring(0, base.length() - SUFFIX.length());
      tracefs = tracefs != null ? tracefs : Path.of("/");
    }
    PlanOptions options = new PlanOptions(optionName, instance,
        size.map(OptionalInt::of).orElse(OptionalInt.empty()), save, handler, snapshot, traceSnapshot);
    return new PlanRecord(name, owner, pid, detached, started, tracefs, instance, sql, options, histFile, trigger,
        changes, statuses);
  }

  private static void options(PlanOptions o, List<String> lines) {
    o.name().ifPresent(n -> lines.add(record("option", "name", n)));
    o.size().ifPresent(s -> lines.add(record("option", "size", Integer.toString(s))));
    if (!o.saveFields().isEmpty()) {
      lines.add(record("option", "save", String.join(",", o.saveFields())));
    }
    o.handler().ifPresent(h -> lines.add(record("option",
        h.kind() == PlanOptions.Handler.Kind.MAX ? "onmax" : "onchange", h.variable())));
    if (o.snapshot()) {
      lines.add(record("option", "snapshot"));
    }
    if (o.traceAndSnapshot()) {
      lines.add(record("option", "trace-snapshot"));
    }
  }

  private static void set(List<PlanRecord.Status> statuses, String index, PlanRecord.Status s) {
    int i = Integer.parseInt(index);
    if (i >= 0 && i < statuses.size()) {
      statuses.set(i, s);
    }
  }

  private void append(String kind, int change) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      write(ch, record(kind, Integer.toString(change)) + "\n");
    } catch (IOException e) {
      throw new TracefsException("cannot write the state file " + file + ": " + e.getMessage(), e);
    }
  }

  /** One write, then to the disk: the record must be there before the tracefs write it announces. */
  private static void write(FileChannel ch, String text) throws IOException {
    ByteBuffer b = StandardCharsets.UTF_8.encode(text);
    while (b.hasRemaining()) {
      ch.write(b);
    }
    ch.force(false);
  }

  static String record(String... fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      escape(fields[i], b);
    }
    return b.toString();
  }

  private static void escape(String s, StringBuilder b) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
  }

  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    if (line.isEmpty()) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        out.add(cur.toString());
        cur.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        cur.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
