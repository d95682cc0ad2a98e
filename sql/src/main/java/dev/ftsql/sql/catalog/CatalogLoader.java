package dev.ftsql.sql.catalog;

import dev.ftsql.sql.SqlError;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds {@link EventCatalog}s from a tracefs directory, a catalog snapshot, or a snapshot embedded
 * in the jar, and writes snapshots. The only class of the catalog that does I/O.
 */
public final class CatalogLoader {
  /** Classpath folder of the embedded snapshots, {@code <kernel>.ftcat.gz} each. */
  static final String EMBEDDED_DIRECTORY = "/dev/ftsql/sql/kernels/";

  private static final String EMBEDDED_SUFFIX = ".ftcat.gz";

  /** The kernels ftsql may embed, oldest first. */
  private static final List<String> KNOWN_KERNELS = List.of("6.1", "6.12");

  private static final Pattern KERNEL_NAME = Pattern.compile("[A-Za-z0-9._+-]+");

  private static final List<Path> LIVE_MOUNTS =
      List.of(Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing"));
  private static final Path OS_RELEASE = Path.of("/proc/sys/kernel/osrelease");

  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int MAX_SIZE_HINT = 1 << 26;

  private static final Map<String, EventCatalog> EMBEDDED = new ConcurrentHashMap<>();

  private CatalogLoader() {}

  /**
   * The catalog of a tracefs mount, or of a copy of one ({@code README}, {@code trace_clock},
   * {@code events/<system>/<event>/format}). Lists the events now, so the catalog does not change
   * under a plan that creates events, and reads and parses a format file on its first lookup.
   * Format files that are not readable files are left out, and so is the {@code ftrace} system.
   *
   * @throws SqlError when {@code dir} is not a directory, or no format file in it can be read
   */
  public static EventCatalog fromTracefs(Path dir) {
    List<String> paths = eventPaths(dir);
    return new LoadedCatalog(
        dir.toString(),
        "",
        readOrEmpty(dir.resolve(TracefsFiles.README)),
        readOrEmpty(dir.resolve(TracefsFiles.TRACE_CLOCK)),
        FormatTexts.tracefs(dir.resolve(TracefsFiles.EVENTS), paths));
  }

  /** The catalog in a snapshot file, gzip-compressed or plain. */
  public static EventCatalog fromSnapshot(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return fromSnapshot(in, file.toString());
    } catch (IOException e) {
      throw new SqlError("cannot read catalog snapshot " + file + ": " + reason(e));
    }
  }

  /**
   * The catalog in a snapshot stream, gzip-compressed or plain; does not close {@code in}.
   *
   * @param sourceName names the snapshot in messages and in {@link EventCatalog#source()}
   * @throws SqlError when the stream is not an ftsql catalog snapshot
   */
  public static EventCatalog fromSnapshot(InputStream in, String sourceName) {
    CatalogSnapshot.Contents contents =
        CatalogSnapshot.read(readSnapshotBytes(in, sourceName), sourceName);
    return new LoadedCatalog(
        sourceName,
        contents.kernelRelease(),
        contents.readme(),
        contents.traceClock(),
        contents.formats());
  }

  /**
   * The catalog embedded for {@code kernel} (see {@link #embeddedKernels()}), loaded once.
   *
   * @throws SqlError when this build embeds no catalog for {@code kernel}
   */
  public static EventCatalog embedded(String kernel) {
    return embedded(kernel, EMBEDDED_DIRECTORY);
  }

  /** The kernels with an embedded catalog, oldest first: some of {@code 6.1}, {@code 6.12}. */
  public static List<String> embeddedKernels() {
    return embeddedKernels(EMBEDDED_DIRECTORY);
  }

  /**
   * The newest kernel with an embedded catalog.
   *
   * @throws SqlError when this build embeds none
   */
  public static String defaultKernel() {
    return defaultKernel(EMBEDDED_DIRECTORY);
  }

  /**
   * Writes the gzip-compressed snapshot of a tracefs (live or a copy) to {@code out}, which stays
   * open. The kernel release is recorded only for the live mount, where {@code
   * /proc/sys/kernel/osrelease} describes the same kernel.
   */
  public static void writeSnapshot(Path tracefsDir, OutputStream out) {
    writeSnapshot(tracefsDir, isLiveMount(tracefsDir) ? runningKernelRelease() : "", out);
  }

  /** Writes the gzip-compressed snapshot of a tracefs, recording {@code kernelRelease}. */
  public static void writeSnapshot(Path tracefsDir, String kernelRelease, OutputStream out) {
    TracefsFiles files = readTracefs(tracefsDir, kernelRelease);
    try (OutputStream gzip = new GZIPOutputStream(new KeepOpen(out), 1 << 16)) {
      CatalogSnapshot.write(files, gzip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the files of the catalog embedded for {@code kernel} under {@code dir} as tracefs lays
   * them out ({@code README}, {@code trace_clock}, {@code events/<system>/<event>/format}): a copy
   * of that kernel's tracefs that {@link #fromTracefs} reads, for tools and tests that need files.
   *
   * @return {@code dir}
   * @throws SqlError when this build embeds no catalog for {@code kernel}
   */
  public static Path writeTracefsCopy(String kernel, Path dir) {
    if (!KERNEL_NAME.matcher(kernel).matches()) {
      throw noEmbedded(kernel, EMBEDDED_DIRECTORY);
    }
    String resource = EMBEDDED_DIRECTORY + kernel + EMBEDDED_SUFFIX;
    CatalogSnapshot.Contents files;
    try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw noEmbedded(kernel, EMBEDDED_DIRECTORY);
      }
      files = CatalogSnapshot.read(readSnapshotBytes(in, resource), resource);
    } catch (IOException e) {
      throw new SqlError("cannot read embedded catalog " + resource + ": " + reason(e));
    }
    try {
      writeFile(dir.resolve(TracefsFiles.README), files.readme());
      writeFile(dir.resolve(TracefsFiles.TRACE_CLOCK), files.traceClock());
      for (String eventPath : files.formats().paths()) {
        String text = files.formats().text(eventPath);
        if (text != null) {
          writeFile(dir.resolve(TracefsFiles.formatFile(eventPath)), text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static void writeFile(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  static EventCatalog embedded(String kernel, String directory) {
    if (!KERNEL_NAME.matcher(kernel).matches()) {
      throw noEmbedded(kernel, directory);
    }
    return EMBEDDED.computeIfAbsent(directory + kernel, key -> loadEmbedded(kernel, directory));
  }

  static List<String> embeddedKernels(String directory) {
    List<String> present = new ArrayList<>();
    for (String kernel : KNOWN_KERNELS) {
      if (CatalogLoader.class.getResource(directory + kernel + EMBEDDED_SUFFIX) != null) {
        present.add(kernel);
      }
    }
    return List.copyOf(present);
  }

  static String defaultKernel(String directory) {
    List<String> kernels = embeddedKernels(directory);
    if (kernels.isEmpty()) {
      throw new SqlError(
          "this ftsql build embeds no kernel catalogs; use a live tracefs or a catalog snapshot");
    }
    return kernels.get(kernels.size() - 1);
  }

  private static EventCatalog loadEmbedded(String kernel, String directory) {
    String resource = directory + kernel + EMBEDDED_SUFFIX;
    try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw noEmbedded(kernel, directory);
      }
      return fromSnapshot(in, "embedded " + kernel);
    } catch (IOException e) {
      throw new SqlError("cannot read embedded catalog " + resource + ": " + reason(e));
    }
  }

  private static SqlError noEmbedded(String kernel, String directory) {
    List<String> kernels = embeddedKernels(directory);
    String known = kernels.isEmpty() ? "none in this build" : String.join(", ", kernels);
    return new SqlError(
        "no embedded catalog for kernel '" + kernel + "' (embedded kernels: " + known + ")");
  }

  /** The uncompressed bytes of a snapshot, gzip-compressed or plain (not decoded: see read). */
  private static byte[] readSnapshotBytes(InputStream in, String sourceName) {
    try {
      byte[] raw = in.readAllBytes();
      if (raw.length < 2 || (raw[0] & 0xff) != GZIP_MAGIC_1 || (raw[1] & 0xff) != GZIP_MAGIC_2) {
        return raw;
      }
      // The trailer's size (of the last member, mod 2^32; trusted up to 64 MB) lets the stream
      // inflate straight into one array instead of growing and copying buffers 8 KB at a time:
      // half the cost on a cold JVM. Whatever the size says, the stream decides what is read.
      int sizeHint = raw.length < 18 ? 0 : littleEndian(raw, raw.length - 4);
      sizeHint = sizeHint < 0 || sizeHint > MAX_SIZE_HINT ? 0 : sizeHint;
      try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
        byte[] bytes = new byte[sizeHint];
        int read = gzip.readNBytes(bytes, 0, sizeHint);
        if (read < sizeHint) {
          bytes = Arrays.copyOf(bytes, read);
        }
        byte[] rest = gzip.readAllBytes();
        if (rest.length == 0) {
          return bytes;
        }
        byte[] all = Arrays.copyOf(bytes, bytes.length + rest.length);
        System.arraycopy(rest, 0, all, bytes.length, rest.length);
        return all;
      }
    } catch (IOException e) {
      throw new SqlError("cannot read catalog snapshot " + sourceName + ": " + reason(e));
    }
  }

  private static int littleEndian(byte[] bytes, int at) {
    return (bytes[at] & 0xff)
        | (bytes[at + 1] & 0xff) << 8
        | (bytes[at + 2] & 0xff) << 16
        | (bytes[at + 3] & 0xff) << 24;
  }

  /** Every file a snapshot keeps, read now (a snapshot is a copy). */
  private static TracefsFiles readTracefs(Path dir, String kernelRelease) {
    TreeMap<String, String> formats = new TreeMap<>();
    FormatTexts texts = FormatTexts.tracefs(dir.resolve(TracefsFiles.EVENTS), eventPaths(dir));
    for (String path : texts.paths()) {
      String text = texts.text(path);
      if (text != null) {
        formats.put(path, text);
      }
    }
    return new TracefsFiles(
        kernelRelease,
        readOrEmpty(dir.resolve(TracefsFiles.README)),
        readOrEmpty(dir.resolve(TracefsFiles.TRACE_CLOCK)),
        formats);
  }

  /**
   * The {@code system/event} of each regular file {@code dir/events/<system>/<event>/format},
   * sorted, without the {@code ftrace} system. Listed with java.io's name lists and one stat per
   * event: {@code Files.list}, a {@code Path} per entry and three checks per event cost a cold
   * start ~60 ms for 1,500 events. Whether a format file can be read is left to its lookup, but
   * the first one is checked now: when it cannot be read, each is checked, the unreadable ones are
   * left out, and none readable is an error (a copy of a tracefs that only root may read).
   *
   * @throws SqlError when {@code dir} is not a directory, or there are format files but none is
   *     readable
   */
  private static List<String> eventPaths(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new SqlError("not a tracefs directory: " + dir);
    }
    File events = dir.resolve(TracefsFiles.EVENTS).toFile();
    List<String> paths = new ArrayList<>();
    int notFiles = 0;
    for (String system : names(events)) {
      if (!TracefsFiles.isTableSystem(system)) {
        continue;
      }
      for (String event : names(new File(events, system))) {
        String path = system + "/" + event;
        File format = formatFile(events, path);
        if (format.isFile()) {
          paths.add(path);
        } else if (format.exists()) {
          notFiles++; // e.g. a directory where the file should be: unreadable as a format
        }
      }
    }
    Collections.sort(paths); // once, by the whole path: "a-b/x" < "a/x"
    if (!paths.isEmpty() && !formatFile(events, paths.get(0)).canRead()) {
      int listed = paths.size();
      paths.removeIf(path -> !formatFile(events, path).canRead());
      notFiles += listed - paths.size();
    }
    if (paths.isEmpty() && notFiles > 0) {
      throw new SqlError(
          "cannot read any of the "
              + notFiles
              + " event format files under "
              + events
              + " (permissions?)");
    }
    return paths;
  }

  private static File formatFile(File events, String eventPath) {
    return new File(new File(events, eventPath), TracefsFiles.FORMAT);
  }

  /** The names in {@code dir}, in no order; none when it is not a readable directory. */
  private static String[] names(File dir) {
    String[] names = dir.list();
    return names == null ? new String[0] : names;
  }

  private static String readOrEmpty(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static boolean isLiveMount(Path dir) {
    return LIVE_MOUNTS.contains(dir.toAbsolutePath().normalize());
  }

  private static String runningKernelRelease() {
    return readOrEmpty(OS_RELEASE).strip();
  }

  private static String reason(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " " + e.getMessage();
  }

  /** Lets the gzip stream finish and free its deflater without closing the caller's stream. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
