package dev.ftsql.cli;

import dev.ftsql.sql.SqlError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The statement: a QUERY argument, or {@code -f FILE} ({@code -} for standard input). */
final class QueryInput {
  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The SQL statement.")
  String query;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the statement from FILE ('-' for stdin).")
  String file;

  String read(InputStream stdin) {
    if (query != null && file != null) {
      throw new SqlError("give the query either as an argument or with -f, not both");
    }
    if (query != null) {
      return query;
    }
    if (file == null) {
      throw new SqlError("no query: give it as an argument or with -f FILE");
    }
    try {
      byte[] bytes = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SqlError("cannot read " + file + ": " + e.getMessage());
    }
  }
}
