package dev.ftsql.tracefs;

import dev.ftsql.plan.Compiler;
import dev.ftsql.plan.KernelProfile;
import dev.ftsql.plan.Planner;
import dev.ftsql.plan.PlanOptions;
import dev.ftsql.plan.TracePlan;
import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.analyze.Analyzer;
import dev.ftsql.sql.catalog.CatalogLoader;
import dev.ftsql.sql.catalog.EventCatalog;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The library's front door: a live tracefs, the compiler for its kernel, and {@link #apply} to put
 * a query on it. For dashboards and tests that want results without the command line:
 *
 * <pre>{@code
 * Ftsql ftsql = Ftsql.open(Path.of("/sys/kernel/tracing"));
 * try (TracefsSession s = ftsql.apply("SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm")) {
 *   Thread.sleep(1000);
 *   ResultTable t = s.read();
 *   OutputFormat.TABLE.write(t, System.out);
 * }
 * }</pre>
 *
 * <p>Every applied plan is recorded in the state directory ({@code $FTSQL_STATE}, else
 * {@code /run/ftsql}) before anything is written, like the CLI's: {@code ftsql list} shows it, and
 * {@code ftsql stop} takes it down if the program dies without closing it. Needs the rights to
 * write tracefs (root, usually). Instances are not thread-safe; sessions are.
 */
public final class Ftsql {
  private final Tracefs fs;
  private final StateDir state;
  private final PlanApplier.Owner owner;
  private Compiler compiler;
  private EventCatalog catalog;

  private Ftsql(Tracefs fs, StateDir state, PlanApplier.Owner owner, Compiler compiler) {
    this.fs = fs;
    this.state = state;
    this.owner = owner;
    this.compiler = compiler;
  }

  /** The live system's tracefs ({@code /sys/kernel/tracing}, else the one in /proc/mounts). */
  public static Ftsql open() {
    return open(TracefsLocator.locate(Optional.empty()));
  }

  /** The tracefs mounted at {@code root}. */
  public static Ftsql open(Path root) {
    return open(new MountedTracefs(TracefsLocator.locate(Optional.of(root))));
  }

  /** Any {@link Tracefs}: tests give a fake. */
  public static Ftsql open(Tracefs fs) {
    return new Ftsql(fs, StateDir.fromEnvironment(), PlanApplier.Owner.thisProcess("library", false), null);
  }

  /** Records plans in {@code dir} instead of {@code $FTSQL_STATE} or {@code /run/ftsql}. */
  public Ftsql withStateDir(Path dir) {
    return new Ftsql(fs, new StateDir(dir), owner, compiler);
  }

  /** Names who applies the plans in the state directory (the CLI says {@code run}, {@code start}...). */
  public Ftsql withOwner(PlanApplier.Owner o) {
    return new Ftsql(fs, state, o, compiler);
  }

  /**
   * Compiles with {@code c} instead of one for the tracefs's own event formats: for a program that
   * loaded the catalog once, or tests. The catalog must describe this kernel.
   */
  public Ftsql withCompiler(Compiler c) {
    return new Ftsql(fs, state, owner, c);
  }

  public Tracefs tracefs() {
    return fs;
  }

  public StateDir stateDir() {
    return state;
  }

  /** The compiler for this tracefs's kernel: its events, formats and features. */
  public Compiler compiler() {
    if (compiler == null) {
      compiler = new Compiler(catalog());
    }
    return compiler;
  }

  private EventCatalog catalog() {
    if (catalog == null) {
      catalog = CatalogLoader.fromTracefs(fs.root());
    }
    return catalog;
  }

  /** Compiles {@code sql} for this kernel with default options. */
  public TracePlan compile(String sql) {
    return compile(sql, PlanOptions.defaults());
  }

  /**
   * Compiles {@code sql} for this kernel.
   *
   * @throws TracefsException when the plan's synthetic event name is taken on this tracefs, saying
   *     by what (another ftsql plan, or something else), as {@link #apply} does
   * @throws dev.ftsql.sql.SqlError when the statement is wrong
   */
  public TracePlan compile(String sql, PlanOptions options) {
    try {
      return compiler().compile(sql, options);
    } catch (SqlError e) {
      // The planner refuses a synthetic event name that any event of the target has, without
      // knowing whose it is. Compiled again as if synthetic events did not exist, the plan tells
      // which of its names are taken, and the state directory by what.
      if (catalog != null) {
        Optional<TracePlan> relaxed = ignoringSyntheticEvents(sql, options);
        if (relaxed.isPresent()) {
          new PlanApplier(fs, state).refuseTakenNames(relaxed.get());
        }
      }
      throw e;
    }
  }

  private Optional<TracePlan> ignoringSyntheticEvents(String sql, PlanOptions options) {
    EventCatalog c = catalog;
    Planner planner = new Planner(KernelProfile.of(c),
        name -> c.eventsNamed(name).stream().anyMatch(f -> !f.system().equals("synthetic")));
    try {
      return Optional.of(planner.plan(new Analyzer(c).analyze(sql), options));
    } catch (SqlError e) {
      return Optional.empty();
    }
  }

  /** Compiles {@code sql} and applies it; {@code ftsql show} can read it from elsewhere. */
  public TracefsSession apply(String sql) {
    return apply(sql, PlanOptions.defaults());
  }

  public TracefsSession apply(String sql, PlanOptions options) {
    return apply(compile(sql, options), Optional.of(sql), options);
  }

  /**
   * Applies a compiled plan. Without its SQL, {@code ftsql show} from another process can print
   * only the raw histogram; {@link TracefsSession#read()} works either way.
   *
   * @throws KernelRefusal when the kernel refuses a line (everything written is undone first)
   * @throws TracefsException when a name is taken, or the state directory cannot be written
   */
  public TracefsSession apply(TracePlan plan) {
    PlanOptions options = PlanOptions.defaults().withName(plan.name());
    return apply(plan, Optional.empty(), plan.instance().map(options::withInstance).orElse(options));
  }

  public TracefsSession apply(TracePlan plan, Optional<String> sql, PlanOptions options) {
    PlanRecord r = new PlanApplier(fs, state).apply(plan, sql, options, owner);
    return new TracefsSession(fs, state, plan.name(), r.histFile(), Optional.of(plan.result()));
  }

  /**
   * A session on a plan applied earlier, by any process (what {@code ftsql show} reads): its SQL is
   * compiled again for this kernel to know how to read the result.
   */
  public Optional<TracefsSession> attach(String name) {
    return state.find(name).map(r -> new TracefsSession(fs, state, r.name(), r.histFile(), recompiled(r)));
  }

  /** The recorded SQL's result spec, if it still compiles to exactly the lines that were written. */
  private Optional<dev.ftsql.plan.ResultSpec> recompiled(PlanRecord r) {
    if (r.sql().isEmpty()) {
      return Optional.empty();
    }
    TracePlan plan = compile(r.sql().get(), r.options());
    java.util.List<String> written = new java.util.ArrayList<>();
    for (TracefsChange c : r.changes()) {
      if (c.kind() == TracefsChange.Kind.APPEND) {
        written.add(c.line());
      }
    }
    java.util.List<String> now = plan.steps().stream().map(dev.ftsql.plan.Step::line).toList();
    return written.equals(now) ? Optional.of(plan.result()) : Optional.empty();
  }
}
