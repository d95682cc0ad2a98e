package dev.ftsql.tracefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracefsLocatorTest {
  @TempDir Path tmp;

  Path tracefs(String name) throws IOException {
    Path d = Files.createDirectories(tmp.resolve(name).resolve("events"));
    Files.writeString(d.getParent().resolve("README"), "tracing mini-HOWTO\n");
    return d.getParent();
  }

  @Test
  void theNamedDirectoryWins() throws IOException {
    Path mine = tracefs("mine");
    Path def = tracefs("default");
    assertThat(TracefsLocator.locate(Optional.of(mine), def, "")).isEqualTo(mine);
  }

  @Test
  void thenTheDefaultMountThenProcMounts() throws IOException {
    Path def = tracefs("default");
    Path other = tracefs("debug tracing");
    String mounts = "sysfs /sys sysfs rw 0 0\ntracefs " + other.toString().replace(" ", "\\040") + " tracefs rw 0 0\n";
    assertThat(TracefsLocator.locate(Optional.empty(), def, mounts)).isEqualTo(def);
    Path empty = Files.createDirectories(tmp.resolve("unmounted"));
    assertThat(TracefsLocator.locate(Optional.empty(), empty, mounts)).isEqualTo(other);
  }

  @Test
  void noTracefsSaysHowToGetOne() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("unmounted"));
    assertThatThrownBy(() -> TracefsLocator.locate(Optional.empty(), empty, "proc /proc proc rw 0 0\n"))
        .hasMessageContaining("no tracefs found").hasMessageContaining("--tracefs DIR");
    assertThatThrownBy(() -> TracefsLocator.locate(Optional.of(empty), empty, ""))
        .hasMessageContaining("not a tracefs");
  }
}
