package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineCpuTest {
  @TempDir Path dir;

  @Test
  void sharesCountIdleAndIoWaitAsNotBusyAndStealSeparately() {
    long[] before = MachineCpu.parse("cpu  100 0 50 1000 10 0 0 0 0 0");
    long[] after = MachineCpu.parse("cpu  700 0 150 1100 60 0 40 50 0 0");
    Map<String, Object> m = MachineCpu.shares(before, after);
    // deltas: user 600, system 100, idle 100, iowait 50, softirq 40, steal 50 = 940 ticks
    assertThat(m.get("ticks")).isEqualTo(940L);
    assertThat((Double) m.get("busyShare")).isCloseTo(790.0 / 940, within(1e-12));
    assertThat((Double) m.get("ioWaitShare")).isCloseTo(50.0 / 940, within(1e-12));
    assertThat((Double) m.get("stealShare")).isCloseTo(50.0 / 940, within(1e-12));
  }

  @Test
  void aLineThatIsNotTheAggregateCpuLineIsRefusedByName() {
    assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cpu0 1 2 3 4 5 6 7 8");
    assertThatThrownBy(() -> MachineCpu.parse("cpu 1 2 3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 counters");
  }

  @Test
  void readsTheStatFileWhenTheMeasuredPartStartsAndEnds() throws IOException {
    Path stat = dir.resolve("stat");
    Files.writeString(stat, "cpu  10 0 10 80 0 0 0 0 0 0\ncpu0 5 0 5 40 0 0 0 0 0 0\n");
    MachineCpu cpu = new MachineCpu(stat);
    cpu.started(8080);
    Files.writeString(stat, "cpu  60 0 30 90 0 0 0 0 0 0\ncpu0 30 0 15 45 0 0 0 0 0 0\n");
    cpu.finished();
    Map<String, Object> m = cpu.model();
    assertThat(m.get("available")).isEqualTo(true);
    assertThat((Double) m.get("busyShare")).isCloseTo(70.0 / 80, within(1e-12));
  }

  @Test
  void withoutBothReadingsTheModelSaysUnavailable() {
    MachineCpu missing = new MachineCpu(dir.resolve("no-such-stat"));
    missing.started(8080);
    missing.finished();
    assertThat(missing.model()).isEqualTo(Map.of("available", false));
    assertThat(new MachineCpu(dir.resolve("never-read")).model())
        .isEqualTo(Map.of("available", false));
  }
}
