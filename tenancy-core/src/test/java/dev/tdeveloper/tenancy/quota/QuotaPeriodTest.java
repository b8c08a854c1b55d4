package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuotaPeriodTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

  @Test
  void dayOfSpringForwardIsTwentyThreeHoursLong() {
    QuotaWindow day = QuotaPeriod.DAY.window(Instant.parse("2026-03-08T12:00:00Z"), NEW_YORK);
    assertThat(day.start()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void dayOfFallBackIsTwentyFiveHoursLong() {
    QuotaWindow day = QuotaPeriod.DAY.window(Instant.parse("2026-11-01T12:00:00Z"), NEW_YORK);
    assertThat(day.start()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void calendarMonthStartsOnTheFirstAtLocalMidnight() {
    Instant lastSecondOfJanuaryInAuckland = Instant.parse("2026-01-31T10:59:59Z");
    QuotaWindow auckland =
        QuotaPeriod.CALENDAR_MONTH.window(lastSecondOfJanuaryInAuckland, AUCKLAND);
    assertThat(auckland.start()).isEqualTo(Instant.parse("2025-12-31T11:00:00Z"));
    assertThat(auckland.end()).isEqualTo(Instant.parse("2026-01-31T11:00:00Z"));
    QuotaWindow utc =
        QuotaPeriod.CALENDAR_MONTH.window(lastSecondOfJanuaryInAuckland, ZoneOffset.UTC);
    assertThat(utc.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(utc.end()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(QuotaPeriod.CALENDAR_MONTH.windowStart(auckland.end(), AUCKLAND))
        .isEqualTo(auckland.end());
  }

  @Test
  void februaryOfALeapYearHasTwentyNineDays() {
    QuotaWindow february =
        QuotaPeriod.CALENDAR_MONTH.window(Instant.parse("2028-02-10T00:00:00Z"), ZoneOffset.UTC);
    assertThat(february.length()).isEqualTo(Duration.ofDays(29));
  }

  @Test
  void hourFollowsTheLocalClockInAHalfHourZone() {
    QuotaWindow hour =
        QuotaPeriod.HOUR.window(Instant.parse("2026-05-01T10:45:00Z"), ZoneId.of("Asia/Kolkata"));
    assertThat(hour.start()).isEqualTo(Instant.parse("2026-05-01T10:30:00Z"));
    assertThat(hour.end()).isEqualTo(Instant.parse("2026-05-01T11:30:00Z"));
  }

  @Test
  void repeatedHourOfFallBackIsTwoWindows() {
    Instant firstOneThirty = Instant.parse("2026-11-01T05:30:00Z");
    Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z");
    assertThat(QuotaPeriod.HOUR.window(firstOneThirty, NEW_YORK))
        .isEqualTo(
            new QuotaWindow(
                Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T06:00:00Z")));
    assertThat(QuotaPeriod.HOUR.window(secondOneThirty, NEW_YORK))
        .isEqualTo(
            new QuotaWindow(
                Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-11-01T07:00:00Z")));
  }

  @Test
  void hourIsCutAtAHalfHourOffsetChange() {
    // Lord Howe Island moves from +11:00 to +10:30 at 2026-04-04T15:00Z.
    ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
    Instant transition = Instant.parse("2026-04-04T15:00:00Z");
    QuotaWindow before = QuotaPeriod.HOUR.window(transition.minusSeconds(1), lordHowe);
    QuotaWindow after = QuotaPeriod.HOUR.window(transition, lordHowe);
    assertThat(before.end()).isEqualTo(after.start()).isEqualTo(transition);
    assertThat(after.end()).isEqualTo(Instant.parse("2026-04-04T15:30:00Z"));
  }

  @Test
  void secondsAndMinutesAreAlignedToTheLocalClock() {
    Instant instant = Instant.parse("2026-05-01T10:45:17.250Z");
    assertThat(QuotaPeriod.SECOND.window(instant, ZoneOffset.UTC))
        .isEqualTo(new QuotaWindow(Instant.parse("2026-05-01T10:45:17Z"), instant.plusMillis(750)));
    assertThat(QuotaPeriod.MINUTE.windowEnd(instant, ZoneId.of("Asia/Kathmandu")))
        .isEqualTo(Instant.parse("2026-05-01T10:46:00Z"));
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> QuotaPeriod.DAY.window(null, ZoneOffset.UTC))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("instant");
    assertThatThrownBy(() -> QuotaPeriod.DAY.window(Instant.EPOCH, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("zone");
  }
}
