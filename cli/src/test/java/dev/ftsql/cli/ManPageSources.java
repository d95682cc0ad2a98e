package dev.ftsql.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the AsciiDoc sources of the man pages (ftsql.adoc, ftsql-sql.adoc, ...) from the picocli
 * model of {@link Main}, one per visible command and subcommand, so a new subcommand gets its page
 * without being listed anywhere. The build runs this (cli/pom.xml, exec:java after the test classes
 * are compiled) and asciidoctor turns the sources into troff pages in target/man/man1. It lives with
 * the tests because picocli-codegen is a build tool and must not end up in ftsql.jar.
 */
public final class ManPageSources {
  private ManPageSources() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ManPageSources OUTPUT_DIR");
    }
    CommandSpec root = Main.commandLine().getCommandSpec();
    adapt(root);
    int status = ManPageGenerator.generateManPage(
        Path.of(args[0]).toFile(), null, new boolean[0], true, root);
    if (status != 0) {
      throw new IllegalStateException("picocli's ManPageGenerator failed with status " + status);
    }
  }

  private static void adapt(CommandSpec spec) {
    summarize(spec.usageMessage());
    titleFooter(spec.usageMessage());
    spec.subcommands().values().forEach(sub -> adapt(sub.getCommandSpec()));
  }

  /**
   * The NAME line (and the list of commands) is the header, else the description's first line, which
   * for our longer descriptions stops mid-sentence ("... applies it,"). Use its first sentence, up to
   * a colon that introduces details.
   */
  private static void summarize(UsageMessageSpec usage) {
    String text = String.join(" ", usage.description()).replace("%n", " ").strip();
    if (usage.header().length > 0 || text.isEmpty()) {
      return;
    }
    int end = text.indexOf(". ");
    String sentence = end < 0 ? text : text.substring(0, end + 1);
    int colon = sentence.indexOf(": ");
    usage.header(colon < 0 ? sentence : sentence.substring(0, colon) + ".");
  }

  /**
   * The generator drops a footer that has no heading. Our footers carry their heading as their
   * first line ("Examples:"), which reads right in --help; the man page gets it as a section title
   * (and "Exit status:" loses its colon the same way).
   */
  private static void titleFooter(UsageMessageSpec usage) {
    String[] footer = usage.footer();
    int first = 0;
    while (first < footer.length && footer[first].isBlank()) {
      first++;
    }
    if (usage.footerHeading().isEmpty() && first < footer.length) {
      String line = footer[first].strip();
      boolean titled = line.endsWith(":") && !line.contains(" ");
      usage.footerHeading(titled ? line.substring(0, line.length() - 1) : "Notes");
      usage.footer(Arrays.copyOfRange(footer, titled ? first + 1 : first, footer.length));
    }
    String exitHeading = usage.exitCodeListHeading().replace("%n", "").strip();
    if (exitHeading.endsWith(":")) {
      usage.exitCodeListHeading(exitHeading.substring(0, exitHeading.length() - 1));
    }
  }
}
