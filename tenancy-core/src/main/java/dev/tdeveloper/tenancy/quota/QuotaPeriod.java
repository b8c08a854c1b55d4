package dev.tdeveloper.tenancy.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * The length of a quota window. Windows are fixed (not sliding) and aligned to the wall clock of
 * the tenant's time zone: an {@link #HOUR} starts on the local hour (at half past in UTC+05:30), a
 * {@link #DAY} at local midnight (so a daylight-saving day lasts 23 or 25 hours) and a {@link
 * #CALENDAR_MONTH} on the 1st at local midnight.
 *
 * <p>Windows of one zone never overlap and leave no gaps: the end of a window is the start of the
 * next. Where a zone's offset changes by other than a whole number of units (UTC+10:30 to +11:00 on
 * Lord Howe Island, for example), a sub-day window is cut short at the transition.
 *
 * <p>Immutable and thread-safe.
 */
public enum QuotaPeriod {
  /** One second of the local clock. */
  SECOND(1),
  /** One minute of the local clock. */
  MINUTE(60),
  /** One hour of the local clock. */
  HOUR(3_600),
  /** A local calendar day, from midnight to midnight (23, 24 or 25 hours long). */
  DAY(0),
  /** A local calendar month, from midnight on the 1st to midnight on the 1st of the next month. */
  CALENDAR_MONTH(0);

  private final long unitSeconds;

  QuotaPeriod(long unitSeconds) {
    this.unitSeconds = unitSeconds;
  }

  /**
   * Returns the window of this period that contains {@code instant} in {@code zone}.
   *
   * @throws NullPointerException if an argument is null
   * @throws java.time.DateTimeException if the window lies outside the supported date range
   */
  public QuotaWindow window(Instant instant, ZoneId zone) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(zone, "zone");
    switch (this) {
      case DAY:
        {
          LocalDate date = LocalDate.ofInstant(instant, zone);
          return new QuotaWindow(
              date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
        }
      case CALENDAR_MONTH:
        {
          LocalDate first = LocalDate.ofInstant(instant, zone).withDayOfMonth(1);
          return new QuotaWindow(
              first.atStartOfDay(zone).toInstant(),
              first.plusMonths(1).atStartOfDay(zone).toInstant());
        }
      default:
        return fixedWindow(instant, zone.getRules());
    }
  }

  /** Returns the start (inclusive) of the window containing {@code instant} in {@code zone}. */
  public Instant windowStart(Instant instant, ZoneId zone) {
    return window(instant, zone).start();
  }

  /**
   * Returns the end (exclusive) of the window containing {@code instant} in {@code zone}: the
   * instant the quota resets.
   */
  public Instant windowEnd(Instant instant, ZoneId zone) {
    return window(instant, zone).end();
  }

  private QuotaWindow fixedWindow(Instant instant, ZoneRules rules) {
    ZoneOffset offset = rules.getOffset(instant);
    long local = instant.getEpochSecond() + offset.getTotalSeconds();
    long startSecond = Math.floorDiv(local, unitSeconds) * unitSeconds - offset.getTotalSeconds();
    Instant start = Instant.ofEpochSecond(startSecond);
    Instant end = start.plusSeconds(unitSeconds);
    if (!rules.isFixedOffset()) {
      // previousTransition is strictly before its argument; nudge so a transition at the instant
      // itself counts as already happened.
      ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
      if (previous != null && previous.getInstant().isAfter(start)) {
        start = previous.getInstant();
      }
      ZoneOffsetTransition next = rules.nextTransition(instant);
      if (next != null && next.getInstant().isBefore(end)) {
        end = next.getInstant();
      }
    }
    return new QuotaWindow(start, end);
  }
}
