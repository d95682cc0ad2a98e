package dev.ftsql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** main() registers only the subcommand a run names; this checks that nothing is lost by it. */
class MainTest {

  @Test
  void theSpelledOutNamesAreTheAnnotatedOnes() {
    Main.subcommandTypes()
        .forEach((name, type) -> assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name));
  }

  @Test
  void usageHelpListsEverySubcommand() {
    Cli help = Cli.run("--help");
    assertThat(help.exit()).isZero();
    for (String name : Main.subcommandTypes().keySet()) {
      assertThat(help.out()).containsPattern("(?m)^\\s+" + name + "\\s");
    }
  }

  @Test
  void aRunOfOneSubcommandRegistersOnlyThatOne() {
    Map<String, CommandLine> sub = Main.commandLine("describe", "sched_switch").getSubcommands();
    assertThat(sub).containsOnlyKeys("describe");
    assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
  }

  @Test
  void helpAndCompletionSeeTheWholeTree() {
    assertThat(Main.commandLine("help", "sql").getSubcommands()).containsKeys("sql", "run", "help");
    Cli help = Cli.run("help", "describe");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("describe");
    Cli completion = Cli.run("completion");
    assertThat(completion.out()).contains("explain").contains("describe");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    Cli bad = Cli.run("selct", "x");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("selct");
  }
}
