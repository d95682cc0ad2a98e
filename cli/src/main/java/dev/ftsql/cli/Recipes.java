package dev.ftsql.cli;

import dev.ftsql.sql.SqlError;
import dev.ftsql.sql.analyze.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The recipes of {@code samples/*.sql}, as the build copies them into the jar (under {@code
 * dev/ftsql/cli/samples/}), so an installed ftsql has them without the source tree.
 */
final class Recipes {
  private static final String FOLDER = "dev/ftsql/cli/samples";
  private static final List<Recipe> ALL = load();

  private Recipes() {}

  /** Every recipe, by name. */
  static List<Recipe> all() {
    return ALL;
  }

  static Optional<Recipe> find(String name) {
    return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The recipe called {@code name}, or a one-line error that names the closest one. */
  static Recipe named(String name) {
    return find(name).orElseThrow(() -> new SqlError("no sample named '" + name + "'"
        + Suggestions.closest(name, ALL.stream().map(Recipe::name).toList())
            .map(c -> "; did you mean '" + c + "'?")
            .orElse("")
        + " ('ftsql samples' lists them)"));
  }

  /**
   * Lists the folder where the classes were loaded from: a directory in a build, a jar when
   * installed. Class-path resources cannot be listed otherwise.
   */
  private static List<Recipe> load() {
    try {
      Path where = Path.of(Recipes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(where)) {
        return read(where.resolve(FOLDER));
      }
      try (FileSystem jar = FileSystems.newFileSystem(where)) {
        return read(jar.getPath(FOLDER));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Recipe> read(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Recipe> recipes = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".sql")).toList()) {
        String file = f.getFileName().toString();
        recipes.add(new Recipe(file.substring(0, file.length() - ".sql".length()),
            Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    recipes.sort(Comparator.comparing(Recipe::name));
    return List.copyOf(recipes);
  }
}
