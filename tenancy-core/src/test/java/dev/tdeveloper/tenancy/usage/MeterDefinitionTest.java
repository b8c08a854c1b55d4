package dev.tdeveloper.tenancy.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeterDefinitionTest {
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void alignsWindowsToTheEpoch() {
    MeterDefinition quarter =
        MeterDefinition.of("calls", Aggregation.SUM, Duration.ofMinutes(15), Duration.ofMinutes(2));
    Instant at = Instant.parse("2026-05-05T10:44:59.999Z");
    Instant start = quarter.windowStart(at);
    assertThat(start).isEqualTo(Instant.parse("2026-05-05T10:30:00Z"));
    assertThat(quarter.windowEnd(start)).isEqualTo(Instant.parse("2026-05-05T10:45:00Z"));
    assertThat(quarter.graceEnd(start)).isEqualTo(Instant.parse("2026-05-05T10:47:00Z"));
    assertThat(quarter.isWindowStart(start)).isTrue();
    assertThat(quarter.isWindowStart(start.plusNanos(1))).isFalse();
    assertThat(quarter.windowStart(Instant.EPOCH)).isEqualTo(Instant.EPOCH);
  }

  @Test
  void rejectsWindowsThatAreNotWholeSecondsInRange() {
    assertThatThrownBy(
            () -> MeterDefinition.of("calls", Aggregation.SUM, Duration.ofMillis(1500), HOUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window of meter 'calls' must be a whole number of seconds")
        .hasMessageContaining("was PT1.5S");
    assertThatThrownBy(() -> MeterDefinition.of("calls", Aggregation.SUM, Duration.ZERO, HOUR))
        .hasMessageContaining("was PT0S");
    assertThatThrownBy(
            () -> MeterDefinition.of("calls", Aggregation.SUM, Duration.ofDays(367), HOUR))
        .hasMessageContaining("366 days");
    assertThatThrownBy(
            () -> MeterDefinition.of("calls", Aggregation.SUM, HOUR, Duration.ofSeconds(-1)))
        .hasMessageContaining("grace of meter 'calls' must not be negative, was PT-1S");
  }

  @Test
  void requiresTheUniqueDimensionExactlyForUniqueCount() {
    assertThatThrownBy(() -> MeterDefinition.of("users", Aggregation.UNIQUE_COUNT, HOUR, HOUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no uniqueDimension");
    assertThatThrownBy(
            () -> new MeterDefinition("calls", Aggregation.SUM, HOUR, HOUR, Optional.of("user_id")))
        .hasMessageContaining("aggregates SUM but names uniqueDimension 'user_id'");
    assertThatThrownBy(() -> MeterDefinition.uniqueCount("users", "User Id", HOUR, HOUR))
        .hasMessageContaining("not a valid dimension key: 'User Id'");
    assertThat(MeterDefinition.uniqueCount("users", "user_id", HOUR, HOUR).uniqueDimension())
        .contains("user_id");
  }
}
