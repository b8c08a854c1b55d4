package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the twelfth session's JFR recordings of load runs came out empty, because the demo
 * was killed before its JVM wrote them (and {@code Process.destroy()} would have closed the child's
 * standard input, on whose end it halts at once).
 */
class DemoProcessStopTest {
  @TempDir Path dir;

  @Test
  void stopLetsTheDemoWriteTheJfrRecordingItWasStartedWith() throws Exception {
    Path jfr = dir.resolve("demo-{run}.jfr");
    DemoProcess demo =
        DemoProcess.start(
            dir.resolve("data"),
            dir.resolve("demo.log"),
            0,
            List.of(),
            List.of(),
            Map.of(DemoProcess.JVM_OPTIONS_ENV, "-XX:StartFlightRecording=filename=" + jfr));

    boolean exited = demo.stop(Duration.ofSeconds(60));

    Path written = dir.resolve("demo-full.jfr");
    assertThat(exited).isTrue();
    assertThat(written).exists();
    assertThat(Files.size(written)).isPositive();
    assertThat(demo.handle().isAlive()).isFalse();
  }
}
