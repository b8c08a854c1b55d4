package dev.tdeveloper.observability.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class OnCallSchedulePropertiesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final long START = Instant.parse("2026-01-05T08:00:00Z").getEpochSecond();
  private static final long TWO_YEARS = 2L * 366 * 24 * 3600;

  @Property(tries = 300)
  void whoeverIsOnCallHeldTheTurnSinceTheLastLocalHandoff(
      @ForAll @LongRange(min = 0, max = TWO_YEARS) long offsetSeconds,
      @ForAll @IntRange(min = 1, max = 21) int rotationDays) {
    OnCallSchedule schedule =
        OnCallSchedule.builder("p")
            .zone(BERLIN)
            .users("a", "b", "c", "d")
            .handoff(LocalDate.of(2026, 1, 5), DayOfWeek.MONDAY, LocalTime.of(9, 0))
            .rotationDays(rotationDays)
            .build();
    Instant at = Instant.ofEpochSecond(START + offsetSeconds);
    long turn = 0;
    while (!schedule.handoffAt(turn + 1).isAfter(at)) {
      turn++;
    }
    assertThat(schedule.handoffAt(turn)).isBeforeOrEqualTo(at);
    assertThat(ZonedDateTime.ofInstant(schedule.handoffAt(turn), BERLIN).toLocalTime())
        .isEqualTo(LocalTime.of(9, 0));
    assertThat(schedule.onCallAt(at)).contains(schedule.users().get((int) (turn % 4)));
  }
}
