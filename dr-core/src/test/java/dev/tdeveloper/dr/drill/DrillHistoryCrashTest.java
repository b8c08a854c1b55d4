package dev.tdeveloper.dr.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM recording drill results is killed ({@code destroyForcibly}) mid-stream: on reopen the
 * last acknowledged result is there with the retained ones before it, and recording goes on.
 */
class DrillHistoryCrashTest {
  @TempDir Path temp;

  @Test
  void everyAcknowledgedResultSurvivesAKill() throws Exception {
    Path file = temp.resolve("drills.log");
    int acknowledged = -1;
    List<String> lines = new ArrayList<>();
    try (ChildJvm child =
        ChildJvm.start(DrillHistoryCrashChild.class, temp.resolve("child.err"), file.toString())) {
      for (int i = 0; i < 400; i++) {
        String line = child.nextLine(60);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        lines.add(line);
      }
      lines.addAll(child.kill());
    }
    for (String line : lines) {
      if (line.startsWith("ACK ") && line.length() > 4) {
        acknowledged = Math.max(acknowledged, Integer.parseInt(line.substring(4)));
      }
    }
    assertThat(acknowledged).isGreaterThanOrEqualTo(399);
    try (DrillHistory history = DrillHistory.open(file, 50)) {
      String newest =
          history.latest(DrillHistoryTest.ACME, "notes").orElseThrow().backupId().orElseThrow();
      assertThat(Integer.parseInt(newest.substring(2))).isGreaterThanOrEqualTo(acknowledged);
      List<DrillResult> kept =
          history.results(
              DrillHistoryTest.ACME,
              DrillHistoryTest.T0,
              DrillHistoryTest.T0.plus(Duration.ofDays(3650)));
      assertThat(kept).hasSize(50);
      history.record(DrillHistoryTest.passed(DrillHistoryTest.ACME, "notes", 9_000_000));
    }
  }
}
