package dev.tdeveloper.observability.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OnCallScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final OnCallSchedule weekly =
      OnCallSchedule.builder("primary")
          .zone(BERLIN)
          .users("alice", "bob", "carol")
          .handoff(LocalDate.of(2026, 3, 14), DayOfWeek.MONDAY, LocalTime.of(9, 0))
          .build();

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void rotatesWeeklyAtTheLocalHandoffTime() {
    assertThat(weekly.onCallAt(at("2026-03-16T07:59:59Z"))).isEmpty();
    assertThat(weekly.onCallAt(at("2026-03-16T08:00:00Z"))).contains("alice");
    assertThat(weekly.onCallAt(at("2026-03-23T07:59:59Z"))).contains("alice");
    assertThat(weekly.onCallAt(at("2026-03-23T08:00:00Z"))).contains("bob");
    assertThat(weekly.onCallAt(at("2026-04-13T06:59:59Z"))).contains("alice");
    assertThat(weekly.onCallAt(at("2026-04-13T07:00:00Z"))).contains("bob");
  }

  @Test
  void theHandoffStaysAtNineInBerlinAcrossTheSpringChange() {
    // 2026-03-29 02:00 CET -> 03:00 CEST: Monday 09:00 is 07:00Z from then on
    assertThat(weekly.handoffAt(2)).isEqualTo(at("2026-03-30T07:00:00Z"));
    assertThat(weekly.onCallAt(at("2026-03-30T06:59:59Z"))).contains("bob");
    assertThat(weekly.onCallAt(at("2026-03-30T07:00:00Z"))).contains("carol");
    assertThat(Duration.between(weekly.handoffAt(1), weekly.handoffAt(2)))
        .isEqualTo(Duration.ofDays(7).minusHours(1));
  }

  @Test
  void theHandoffStaysAtNineInBerlinAcrossTheAutumnChange() {
    // 2026-10-25 03:00 CEST -> 02:00 CET: Monday 09:00 is 08:00Z again
    OnCallSchedule daily =
        OnCallSchedule.builder("daily")
            .zone(BERLIN)
            .users("alice", "bob")
            .handoff(LocalDate.of(2026, 10, 24), DayOfWeek.SATURDAY, LocalTime.of(9, 0))
            .rotationDays(1)
            .build();
    assertThat(daily.handoffAt(0)).isEqualTo(at("2026-10-24T07:00:00Z"));
    assertThat(daily.handoffAt(1)).isEqualTo(at("2026-10-25T08:00:00Z"));
    assertThat(daily.onCallAt(at("2026-10-25T07:30:00Z"))).contains("alice");
    assertThat(daily.onCallAt(at("2026-10-25T08:00:00Z"))).contains("bob");
    assertThat(Duration.between(daily.handoffAt(0), daily.handoffAt(1)))
        .isEqualTo(Duration.ofHours(25));
  }

  @Test
  void aHandoffInTheSkippedHourMovesToTheFirstValidTime() {
    OnCallSchedule night =
        OnCallSchedule.builder("night")
            .zone(BERLIN)
            .users("alice", "bob")
            .handoff(LocalDate.of(2026, 3, 28), DayOfWeek.SATURDAY, LocalTime.of(2, 30))
            .rotationDays(1)
            .build();
    assertThat(night.handoffAt(1)).isEqualTo(at("2026-03-29T01:30:00Z"));
    assertThat(night.onCallAt(at("2026-03-29T01:29:59Z"))).contains("alice");
    assertThat(night.onCallAt(at("2026-03-29T01:30:00Z"))).contains("bob");
    assertThat(night.handoffAt(2)).isEqualTo(at("2026-03-30T00:30:00Z"));
  }

  @Test
  void overridesTakePrecedenceAndTheLatestStartingWins() {
    OnCallSchedule withOverrides =
        weekly
            .withOverride(
                new OnCallSchedule.OnCallOverride(
                    "dave", at("2026-03-24T00:00:00Z"), at("2026-03-26T00:00:00Z")))
            .withOverride(
                new OnCallSchedule.OnCallOverride(
                    "erin", at("2026-03-25T00:00:00Z"), at("2026-03-25T12:00:00Z")));
    assertThat(withOverrides.onCallAt(at("2026-03-23T23:59:59Z"))).contains("bob");
    assertThat(withOverrides.onCallAt(at("2026-03-24T00:00:00Z"))).contains("dave");
    assertThat(withOverrides.onCallAt(at("2026-03-25T06:00:00Z"))).contains("erin");
    assertThat(withOverrides.onCallAt(at("2026-03-25T12:00:00Z"))).contains("dave");
    assertThat(withOverrides.onCallAt(at("2026-03-26T00:00:00Z"))).contains("bob");
    assertThat(weekly.onCallAt(at("2026-03-24T00:00:00Z"))).contains("bob");
    assertThat(withOverrides.withoutOverridesEndedBy(at("2026-03-25T12:00:00Z")).overrides())
        .extracting(OnCallSchedule.OnCallOverride::user)
        .containsExactly("dave");
  }

  @Test
  void anOverrideCoversBeforeTheFirstHandoff() {
    OnCallSchedule early =
        weekly.withOverride(
            new OnCallSchedule.OnCallOverride(
                "dave", at("2026-03-01T00:00:00Z"), at("2026-03-02T00:00:00Z")));
    assertThat(early.onCallAt(at("2026-03-01T10:00:00Z"))).contains("dave");
  }

  @Test
  void rejectsBadSchedulesNamingTheField() {
    assertThatThrownBy(() -> OnCallSchedule.builder("s").users())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users is empty");
    assertThatThrownBy(() -> OnCallSchedule.builder("s").users("a", "b", "a"))
        .hasMessageContaining("name a user twice");
    assertThatThrownBy(() -> OnCallSchedule.builder("s").rotationDays(0))
        .hasMessageContaining("rotationDays 0 is out of range; allowed: 1 to 366");
    assertThatThrownBy(() -> OnCallSchedule.builder("s").rotationWeeks(53))
        .hasMessageContaining("rotationWeeks 53 is out of range; allowed: 1 to 52");
    assertThatThrownBy(() -> OnCallSchedule.builder("s").zone(BERLIN).users("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schedule s: handoff is not set");
    assertThatThrownBy(() -> OnCallSchedule.builder("s").zone(BERLIN).zone(BERLIN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("zone was already set");
    assertThatThrownBy(
            () ->
                new OnCallSchedule.OnCallOverride(
                    "dave", at("2026-03-02T00:00:00Z"), at("2026-03-02T00:00:00Z")))
        .hasMessageContaining("end 2026-03-02T00:00:00Z is not after start");
  }
}
