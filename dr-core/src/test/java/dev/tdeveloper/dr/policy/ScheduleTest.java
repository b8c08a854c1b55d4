package dev.tdeveloper.dr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final Map<String, Schedule> SCHEDULES = new ConcurrentHashMap<>();

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void fiveFieldExpressionFiresOnWholeMinutesInUtc() {
    Schedule schedule = Schedule.cron("30 2 * * *");

    assertThat(schedule.next(at("2026-01-01T00:00:00Z"))).isEqualTo(at("2026-01-01T02:30:00Z"));
    assertThat(schedule.next(at("2026-01-01T02:29:59.999Z"))).isEqualTo(at("2026-01-01T02:30:00Z"));
    assertThat(schedule.previous(at("2026-01-01T02:30:59Z"))).isEqualTo(at("2026-01-01T02:30:00Z"));
    assertThat(schedule.toString()).isEqualTo("30 2 * * *");
  }

  @Test
  void nextIsStrictlyAfterAndPreviousIncludesTheInstantItself() {
    Schedule schedule = Schedule.cron("0 12 * * *");

    assertThat(schedule.next(at("2026-03-08T12:00:00Z"))).isEqualTo(at("2026-03-09T12:00:00Z"));
    assertThat(schedule.previous(at("2026-03-08T12:00:00Z"))).isEqualTo(at("2026-03-08T12:00:00Z"));
    assertThat(schedule.previous(at("2026-03-08T11:59:59.999Z")))
        .isEqualTo(at("2026-03-07T12:00:00Z"));
  }

  @Test
  void daylightSavingChangesDoNotMoveOrSkipFireTimesBecauseTheyAreUtc() {
    Schedule schedule = Schedule.cron("30 2 * * *");

    // 02:30 local does not exist on these days in the EU (2026-03-29) and the US (2026-03-08);
    // in UTC it does, and consecutive runs stay exactly 24 hours apart.
    for (String day : new String[] {"2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01"}) {
      Instant fire = schedule.next(at(day + "T00:00:00Z"));
      assertThat(fire).isEqualTo(at(day + "T02:30:00Z"));
      assertThat(Duration.between(fire, schedule.next(fire))).isEqualTo(Duration.ofDays(1));
    }
  }

  @Test
  void sixFieldExpressionHasSecondsFirst() {
    Schedule schedule = Schedule.cron("*/20 * * * * *");

    assertThat(schedule.next(at("2026-01-01T00:00:00Z"))).isEqualTo(at("2026-01-01T00:00:20Z"));
    assertThat(schedule.previous(at("2026-01-01T00:00:39.5Z")))
        .isEqualTo(at("2026-01-01T00:00:20Z"));
    assertThat(schedule.longestGap()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void extraWhitespaceIsNormalized() {
    assertThat(Schedule.cron("  0   3 * *  * ").toString()).isEqualTo("0 3 * * *");
  }

  @Test
  void wrongFieldCountIsRefusedNamingTheExpression() {
    assertThatThrownBy(() -> Schedule.cron("* * *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "schedule '* * *' has 3 fields; expected 5 (minute hour day-of-month month"
                + " day-of-week, UTC) or 6 (second first)");
    assertThatThrownBy(() -> Schedule.cron("@daily"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'@daily' has 1 fields");
  }

  @Test
  void invalidFieldIsRefusedWithWhatCronUtilsSaid() {
    assertThatThrownBy(() -> Schedule.cron("61 * * * *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("schedule '61 * * * *' is not a valid cron expression: ")
        .hasMessageContaining("Value 61 not in range [0, 59]");
    assertThatThrownBy(() -> Schedule.cron("0 0 L * *"))
        .hasMessageStartingWith("schedule '0 0 L * *' is not a valid cron expression: ")
        .hasMessageContaining("Invalid chars: L");
  }

  @Test
  void expressionThatNeverFiresIsRefused() {
    assertThatThrownBy(() -> Schedule.cron("0 0 31 2 *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schedule '0 0 31 2 *' never fires");
  }

  @Test
  void longestGapSpansWeekendsAndLeapYears() {
    assertThat(Schedule.cron("0 3 * * *").longestGap()).isEqualTo(Duration.ofDays(1));
    assertThat(Schedule.cron("0 9,17 * * *").longestGap()).isEqualTo(Duration.ofHours(16));
    assertThat(Schedule.cron("*/15 * * * 1-5").longestGap())
        .isEqualTo(Duration.ofHours(48).plusMinutes(15));
    assertThat(Schedule.cron("0 0 1 * *").longestGap()).isEqualTo(Duration.ofDays(31));
    assertThat(Schedule.cron("0 0 29 2 *").longestGap()).isEqualTo(Duration.ofDays(4 * 365 + 1));
  }

  @Property(tries = 200)
  void previousAndNextBracketEveryInstant(
      @ForAll("expressions") String expression,
      @ForAll @LongRange(min = 1_700_000_000_000L, max = 1_900_000_000_000L) long millis) {
    Schedule schedule = SCHEDULES.computeIfAbsent(expression, Schedule::cron);
    Instant t = Instant.ofEpochMilli(millis);

    Instant previous = schedule.previous(t);
    Instant next = schedule.next(t);

    assertThat(previous).isBeforeOrEqualTo(t);
    assertThat(next).isAfter(t);
    assertThat(schedule.next(previous)).isEqualTo(next);
    assertThat(schedule.previous(next)).isEqualTo(next);
    assertThat(Duration.between(previous, next)).isLessThanOrEqualTo(schedule.longestGap());
  }

  @Provide
  Arbitrary<String> expressions() {
    return Arbitraries.of(
        "* * * * *",
        "*/7 * * * *",
        "0 3 * * *",
        "15 9,17 * * 1-5",
        "0 0 1 * *",
        "0 0 29 2 *",
        "*/30 * * * * *",
        "0 0 12 ? * MON-FRI");
  }
}
