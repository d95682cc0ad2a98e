package dev.ftsql.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages the build writes to target/man/man1 (cli/pom.xml), checked against the picocli model. */
class ManPagesTest {
  private static final Path MAN1 = Path.of("target", "man", "man1");

  @BeforeAll
  static void pagesWereBuilt() {
    assumeFalse(Boolean.getBoolean("ftsql.skipManPages"), "built with -Dftsql.skipManPages=true");
  }

  /** Every visible command and subcommand, as the generator walks them, with its page's name. */
  static Stream<Arguments> commands() {
    List<CommandSpec> all = new ArrayList<>();
    collect(Main.commandLine().getCommandSpec(), all);
    return all.stream().map(spec -> Arguments.of(pageName(spec), spec));
  }

  private static void collect(CommandSpec spec, List<CommandSpec> into) {
    into.add(spec);
    for (CommandLine sub : spec.subcommands().values()) {
      CommandSpec s = sub.getCommandSpec();
      if (!s.usageMessage().hidden() && !into.contains(s)) {
        collect(s, into);
      }
    }
  }

  private static String pageName(CommandSpec spec) {
    return spec.qualifiedName("-");
  }

  /** The page's text with troff's font switches and escaped hyphens undone, as a reader sees it. */
  private static String page(CommandSpec spec) throws IOException {
    String troff = Files.readString(MAN1.resolve(pageName(spec) + ".1"), StandardCharsets.UTF_8);
    return troff.replace("\\-", "-").replaceAll("\\\\f[BIPR]", "")
        .replaceAll("\\\\\\*\\(Aq|\\\\\\((aq|cq)", "'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyCommandHasAPageWithItsNameSynopsisAndOptions(String name, CommandSpec spec) throws IOException {
    String page = page(spec);
    assertThat(page).contains(".TH \"" + name.toUpperCase() + "\" \"1\"");
    String summary = page.substring(page.indexOf(".SH \"NAME\"\n")).lines().skip(1).findFirst().orElseThrow();
    assertThat(summary).startsWith(name + " - ").endsWith(".");
    String described = String.join(" ", spec.usageMessage().header()) + " "
        + String.join(" ", spec.usageMessage().description());
    assertThat(described.replace("%n", " ")).contains(summary.substring(name.length() + 3, summary.length() - 1));
    assertThat(page).contains(".SH \"SYNOPSIS\"").contains(spec.qualifiedName());
    for (OptionSpec option : spec.options()) {
      if (!option.hidden()) {
        assertThat(page).as("option %s", option.longestName()).contains(option.longestName());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void theHelpFooterBecomesASection(String name, CommandSpec spec) throws IOException {
    String[] footer = spec.usageMessage().footer();
    String lastLine = footer.length == 0 ? "" : footer[footer.length - 1].strip();
    assumeTrue(!lastLine.isEmpty(), "no footer");
    assertThat(page(spec)).containsPattern("\\.SH \"(EXAMPLES?|NOTES)\"").contains(lastLine.split("\\s+")[0]);
  }

  @Test
  void theMainPageListsEveryCommandAndTheExitStatus() throws IOException {
    CommandSpec main = Main.commandLine().getCommandSpec();
    String page = page(main);
    String commands = page.substring(page.indexOf(".SH \"COMMANDS\""));
    main.subcommands().keySet().forEach(name -> assertThat(commands).contains("\n" + name + "\n"));
    assertThat(page).contains(".SH \"EXIT STATUS\"").contains("the query is wrong");
    assertThat(page).contains("ftsql sql \"SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm\"");
  }

  /** man(1) renders the page without complaint (where man is installed). */
  @Test
  void manRendersTheSqlPage() throws Exception {
    assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "man"))),
        "man is not installed");
    Process man = new ProcessBuilder("man", "-l", MAN1.resolve("ftsql-sql.1").toString())
        .redirectErrorStream(true).start();
    man.getOutputStream().close();
    String shown = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(man.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(man.exitValue()).as(shown).isZero();
    assertThat(shown).contains("ftsql-sql - Print the shell commands").contains("--teardown")
        .doesNotContain("warning");
  }
}
