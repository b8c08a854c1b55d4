package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloorTallyTest {
  private static final long MS = 1_000_000;

  @Test
  void aSlowForceIsChargedToEveryRecordItHeldUpFromItsIntendedStart() {
    FloorTally tally = new FloorTally();
    // records due at 0, 10, ..., 290 ms, all forced by one write from 300 to 302 ms
    tally.forced(0, 30, 10 * MS, 300 * MS, 302 * MS);

    Map<String, Object> m = tally.model(Duration.ofMillis(300), 300);
    @SuppressWarnings("unchecked")
    Map<String, Object> records = (Map<String, Object>) m.get("recordLatencyMillis");
    assertThat(m.get("records")).isEqualTo(30L);
    assertThat(m.get("forcesAttempted")).isEqualTo(1L);
    assertThat((Double) records.get("max")).isBetween(301.0, 303.0); // the first record
    assertThat((Double) records.get("p50")).isBetween(150.0, 170.0);
    assertThat((Double) records.get("mean")).isBetween(156.5, 157.5); // (302 + 12) / 2
    // the records due before 202 ms (0, 10, ..., 200) waited more than 100 ms
    assertThat((Double) m.get("recordsOver100MsShare")).isEqualTo(21.0 / 30);
    assertThat(m.get("stalledForces")).isEqualTo(0L); // the force itself took 2 ms
  }

  @Test
  void stalledSecondsAddUpOnlyTheForcesSlowerThanTheStall() {
    FloorTally tally = new FloorTally();
    tally.forced(0, 1, 10 * MS, 0, 2 * MS);
    tally.forced(10 * MS, 1, 10 * MS, 10 * MS, 110 * MS); // 100 ms exactly: not a stall
    tally.forced(20 * MS, 1, 10 * MS, 110 * MS, 360 * MS); // 250 ms
    tally.forced(30 * MS, 1, 10 * MS, 360 * MS, 1_110 * MS); // 750 ms

    Map<String, Object> m = tally.model(Duration.ofSeconds(10), 300);
    assertThat(m.get("stalledForces")).isEqualTo(2L);
    assertThat(tally.stalled()).isEqualTo(Duration.ofMillis(1_000));
    assertThat((Double) m.get("stalledSeconds")).isEqualTo(1.0);
    assertThat((Double) m.get("stalledShare")).isEqualTo(0.1);
    assertThat((Double) m.get("forcesPerSecond")).isEqualTo(0.4);
    assertThat((Double) m.get("bytesPerSecond")).isEqualTo(120.0);
  }

  @Test
  void refusesAForceCoveringNoRecordOrEndingBeforeItStarts() {
    FloorTally tally = new FloorTally();

    assertThatThrownBy(() -> tally.forced(0, 0, 10 * MS, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count 0");
    assertThatThrownBy(() -> tally.forced(0, 1, 10 * MS, 5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start 5, end 4");
    assertThat(tally.records()).isZero();
    assertThat(tally.forces()).isZero();
  }
}
