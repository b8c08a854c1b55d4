package dev.tdeveloper.scaling.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthValuesTest {
  @Test
  void statusesAreOrderedDownOutOfServiceUpUnknown() {
    assertThat(List.of(HealthStatus.values()))
        .containsExactly(
            HealthStatus.DOWN, HealthStatus.OUT_OF_SERVICE, HealthStatus.UP, HealthStatus.UNKNOWN);
    assertThat(HealthStatus.UP.worst(HealthStatus.OUT_OF_SERVICE))
        .isEqualTo(HealthStatus.OUT_OF_SERVICE);
    assertThat(HealthStatus.UNKNOWN.worst(HealthStatus.UP)).isEqualTo(HealthStatus.UP);
    assertThat(HealthStatus.DOWN.worst(HealthStatus.UNKNOWN)).isEqualTo(HealthStatus.DOWN);
  }

  @Test
  void onlyDownAndOutOfServiceFailAProbe() {
    assertThat(HealthStatus.DOWN.isFailing()).isTrue();
    assertThat(HealthStatus.OUT_OF_SERVICE.isFailing()).isTrue();
    assertThat(HealthStatus.UP.isFailing()).isFalse();
    assertThat(HealthStatus.UNKNOWN.isFailing()).isFalse();
  }

  @Test
  void resultKeepsStringAndNumberDetailsInOrder() {
    HealthResult result =
        HealthResult.up()
            .withDetail("pending", 12)
            .withDetail("mode", "primary")
            .withDetail("ratio", 0.5);
    assertThat(result.details())
        .containsExactly(
            Map.entry("pending", 12), Map.entry("mode", "primary"), Map.entry("ratio", 0.5));
    assertThat(result.error()).isEmpty();
    assertThat(HealthResult.down("no route").error()).contains("no route");
  }

  @Test
  void resultRejectsADetailThatIsNotAStringOrNumber() {
    assertThatThrownBy(() -> HealthResult.up().withDetail("when", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'when'")
        .hasMessageContaining("java.time.Instant")
        .hasMessageContaining("allowed: String, Boolean, JDK numbers");
  }

  @Test
  void resultReservesTheErrorKeyAndRejectsBlankKeys() {
    assertThatThrownBy(() -> HealthResult.up().withDetail("error", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'error'");
    assertThatThrownBy(() -> HealthResult.up().withDetail(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-blank");
  }

  @Test
  void resultDetailsCannotBeChangedFromOutside() {
    java.util.Map<String, Object> details = new java.util.HashMap<>(Map.of("a", 1));
    HealthResult result = new HealthResult(HealthStatus.UP, details, Optional.empty());
    details.put("b", 2);
    assertThat(result.details()).containsOnlyKeys("a");
    assertThatThrownBy(() -> result.details().put("c", 3))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void settingsRejectOutOfRangeTimeoutsAndTtls() {
    CheckSettings defaults = CheckSettings.defaults();
    assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.cacheTtl()).isZero();
    assertThat(defaults.criticality()).isEqualTo(Criticality.CRITICAL);
    assertThatThrownBy(() -> defaults.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout: PT0S is out of range; allowed: PT0.001S to PT1H");
    assertThatThrownBy(() -> defaults.withCacheTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cacheTtl: PT-1S is out of range; allowed: PT0S to PT1H");
    assertThatThrownBy(() -> defaults.withTimeout(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT2H");
  }

  @Test
  void aChangeEventNeedsTwoDifferentStatuses() {
    assertThatThrownBy(
            () ->
                new HealthChanged(
                    HealthChanged.Kind.CHECK,
                    "db",
                    HealthStatus.UP,
                    HealthStatus.UP,
                    Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both UP");
  }
}
