package dev.ftsql.cli;

import dev.ftsql.sql.SqlError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The statement: a QUERY argument, or {@code -f FILE} ({@code -} for standard input). A QUERY
 * without spaces cannot be a statement, so it names a file when it ends in {@code .sql}
 * ({@code samples/wakeup-latency.sql}) and a built-in recipe otherwise ({@code wakeup-latency}).
 */
final class QueryInput {
  @Parameters(arity = "0..1", paramLabel = "QUERY",
      description = "The SQL statement; or a FILE.sql; or the NAME of a recipe ('ftsql samples' lists them).")
  String query;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the statement from FILE ('-' for stdin).")
  String file;

  String read(InputStream stdin) {
    if (query != null && file != null) {
      throw new SqlError("give the query either as an argument or with -f, not both");
    }
    if (query != null && !query.isBlank() && query.strip().chars().noneMatch(Character::isWhitespace)) {
      String word = query.strip();
      return word.endsWith(".sql") ? readFile(word) : Recipes.named(word).text();
    }
    if (query != null) {
      return query;
    }
    if (file == null) {
      throw new SqlError("no query: give it as an argument, with -f FILE, or a recipe's NAME");
    }
    if (file.equals("-")) {
      try {
        return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new SqlError("cannot read standard input: " + e.getMessage());
      }
    }
    return readFile(file);
  }

  private static String readFile(String name) {
    try {
      return new String(Files.readAllBytes(Path.of(name)), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SqlError("cannot read " + name + ": no such file");
    } catch (IOException e) {
      throw new SqlError("cannot read " + name + ": " + e.getMessage());
    }
  }
}
