package dev.ftsql.tracefs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory where ftsql records the plans it applied ({@code $FTSQL_STATE}, else
 * {@code /run/ftsql}): one {@link PlanJournal} per plan, named after the plan. Whoever applies or
 * tears down holds the directory's lock, so {@code stop} from another process never races a
 * {@code run} that is still writing.
 */
public final class StateDir {
  public static final Path DEFAULT = Path.of("/run/ftsql");
  public static final String ENVIRONMENT = "FTSQL_STATE";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  /** File locks are per process; threads of one process (a shutdown hook, main) queue here. */
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path dir;

  public StateDir(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** {@code $FTSQL_STATE}, else {@code /run/ftsql}. */
  public static StateDir fromEnvironment() {
    String env = System.getenv(ENVIRONMENT);
    return new StateDir(env == null || env.isBlank() ? DEFAULT : Path.of(env));
  }

  public Path dir() {
    return dir;
  }

  /** Every recorded plan, by name. */
  public List<PlanRecord> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<PlanRecord> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        String n = f.getFileName().toString();
        if (n.endsWith(PlanJournal.SUFFIX) && !n.startsWith(".")) {
          PlanJournal.at(f).read().ifPresent(out::add);
        }
      }
    } catch (IOException e) {
      throw new TracefsException("cannot read the state directory " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  public Optional<PlanRecord> find(String name) {
    return NAME.matcher(name).matches() ? journal(name).read() : Optional.empty();
  }

  PlanJournal journal(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad plan name: " + name);
    }
    return PlanJournal.at(dir.resolve(name + PlanJournal.SUFFIX));
  }

  /**
   * Takes the directory's lock (creating the directory if needed), for one apply or teardown. The
   * lock is released by closing, also if the process dies.
   */
  public Lock lock() {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
    local.lock();
    try {
      if (local.getHoldCount() > 1) {
        return new Lock(local, null, null);
      }
      Files.createDirectories(dir);
      FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new Lock(local, ch, ch.lock());
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    } catch (IOException e) {
      local.unlock();
      throw new TracefsException("cannot use the state directory " + dir + ": " + e.getMessage()
          + " (set " + ENVIRONMENT + " to a writable directory)", e);
    } catch (RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  /** The held lock of a {@link StateDir}. */
  public static final class Lock implements AutoCloseable {
    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;

    private Lock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
      this.local = local;
      this.channel = channel;
      this.fileLock = fileLock;
    }

    @Override
    public void close() {
      try {
        if (fileLock != null) {
          fileLock.release();
          channel.close();
        }
      } catch (IOException e) {
        // Closing the channel releases the lock; nothing else to do.
      } finally {
        local.unlock();
      }
    }
  }
}
