package dev.tdeveloper.dr.policy;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A cron schedule evaluated in UTC, parsed by cron-utils; UTC has no daylight saving, so every fire
 * time is exact and none is skipped or doubled. Two forms are accepted:
 *
 * <ul>
 *   <li>5 fields, the UNIX form {@code minute hour day-of-month month day-of-week} (fires on whole
 *       minutes; a day matches if day-of-month <em>or</em> day-of-week matches, as in cron);
 *   <li>6 fields, the Spring form {@code second minute hour day-of-month month day-of-week} (fires
 *       on whole seconds; also accepts {@code L}, {@code W}, {@code #} and {@code ?}).
 * </ul>
 *
 * <p>Nicknames such as {@code @daily} are not accepted. Immutable and thread-safe.
 */
public final class Schedule {
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser SPRING =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));
  private static final long DAY_SECONDS = 86_400;

  /** The (leap) year {@link #longestGap()} examines. */
  private static final ZonedDateTime GAP_FROM = ZonedDateTime.parse("2024-01-01T00:00:00Z");

  private static final ZonedDateTime GAP_TO = GAP_FROM.plusYears(1);

  private final String expression;
  private final boolean withSeconds;
  private final String[] fields;
  private final ExecutionTime executionTime;
  private volatile Duration longestGap;

  private Schedule(String expression, String[] fields, ExecutionTime executionTime) {
    this.expression = expression;
    this.fields = fields;
    this.withSeconds = fields.length == 6;
    this.executionTime = executionTime;
  }

  /**
   * Parses a cron expression.
   *
   * @throws IllegalArgumentException naming the expression and what cron-utils objected to, if it
   *     has neither 5 nor 6 fields, does not parse, or never fires
   */
  public static Schedule cron(String expression) {
    Objects.requireNonNull(expression, "expression");
    String trimmed = expression.trim();
    String[] fields = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    if (fields.length != 5 && fields.length != 6) {
      throw new IllegalArgumentException(
          "schedule '"
              + expression
              + "' has "
              + fields.length
              + " fields; expected 5 (minute hour day-of-month month day-of-week, UTC) or 6"
              + " (second first)");
    }
    String normalized = String.join(" ", fields);
    ExecutionTime executionTime = executionTime(expression, normalized, fields.length == 6);
    if (executionTime.nextExecution(GAP_FROM).isEmpty()) {
      throw new IllegalArgumentException("schedule '" + expression + "' never fires");
    }
    return new Schedule(normalized, fields, executionTime);
  }

  private static ExecutionTime executionTime(String original, String cron, boolean withSeconds) {
    try {
      return ExecutionTime.forCron((withSeconds ? SPRING : UNIX).parse(cron));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "schedule '" + original + "' is not a valid cron expression: " + e.getMessage(), e);
    }
  }

  /** Returns the first fire time strictly after {@code after}. */
  public Instant next(Instant after) {
    return executionTime
        .nextExecution(utc(after))
        .orElseThrow(() -> new IllegalStateException("schedule '" + expression + "' never fires"))
        .toInstant();
  }

  /** Returns the last fire time at or before {@code atOrBefore}. */
  public Instant previous(Instant atOrBefore) {
    ZonedDateTime at =
        utc(atOrBefore).truncatedTo(withSeconds ? ChronoUnit.SECONDS : ChronoUnit.MINUTES);
    if (executionTime.isMatch(at)) {
      return at.toInstant();
    }
    return executionTime
        .lastExecution(at)
        .orElseThrow(() -> new IllegalStateException("schedule '" + expression + "' never fires"))
        .toInstant();
  }

  /**
   * Returns the longest time between two consecutive fire times. Computed from the times of day the
   * schedule fires at (the same on every day it fires) and the days it fires on in the leap year
   * 2024, including the gaps into and out of it: so every month length, leap days (a 29 February
   * schedule gives four years) and weekends count, while alignments of weekdays and dates that
   * differ from year to year (such as the second Friday) may be a few days off. Computed once.
   */
  public Duration longestGap() {
    Duration gap = longestGap;
    if (gap == null) {
      gap = computeLongestGap();
      longestGap = gap;
    }
    return gap;
  }

  private Duration computeLongestGap() {
    long[] times = secondsOfDay();
    long longest = 0;
    for (int i = 1; i < times.length; i++) {
      longest = Math.max(longest, times[i] - times[i - 1]);
    }
    long spread = times[times.length - 1] - times[0];
    List<LocalDate> days = firingDays();
    for (int i = 1; i < days.size(); i++) {
      long dayGap = ChronoUnit.DAYS.between(days.get(i - 1), days.get(i));
      longest = Math.max(longest, dayGap * DAY_SECONDS - spread);
    }
    return Duration.ofSeconds(longest);
  }

  /** The seconds of the day the schedule fires at, sorted; the same for every day it fires on. */
  private long[] secondsOfDay() {
    String day = "* * *";
    List<Integer> seconds =
        withSeconds ? values(fields[0] + " * * " + day, ChronoUnit.MINUTES) : List.of(0);
    String zeroSeconds = withSeconds ? "0 " : "";
    List<Integer> minutes = values(zeroSeconds + field(0) + " * " + day, ChronoUnit.HOURS);
    List<Integer> hours = values(zeroSeconds + "0 " + field(1) + " " + day, ChronoUnit.DAYS);
    TreeSet<Long> times = new TreeSet<>();
    for (int h : hours) {
      for (int m : minutes) {
        for (int s : seconds) {
          times.add(h * 3600L + m * 60L + s);
        }
      }
    }
    return times.stream().mapToLong(Long::longValue).toArray();
  }

  /** Returns the field at {@code index} of the UNIX form (minute = 0), skipping any seconds. */
  private String field(int index) {
    return fields[withSeconds ? index + 1 : index];
  }

  /** The values one time field takes within one {@code period} (a minute, hour or day). */
  private List<Integer> values(String cron, ChronoUnit period) {
    ExecutionTime single = executionTime(expression, cron, withSeconds);
    ZonedDateTime start = GAP_FROM;
    ZonedDateTime end = start.plus(1, period);
    List<Integer> values = new ArrayList<>();
    ZonedDateTime at = start.minusNanos(1);
    while (true) {
      Optional<ZonedDateTime> next = single.nextExecution(at);
      if (next.isEmpty() || !next.get().isBefore(end)) {
        return values;
      }
      at = next.get();
      long offset = ChronoUnit.SECONDS.between(start, at);
      values.add((int) (offset / unitSeconds(period)));
    }
  }

  private static long unitSeconds(ChronoUnit period) {
    return switch (period) {
      case MINUTES -> 1;
      case HOURS -> 60;
      default -> 3600;
    };
  }

  /** The days the schedule fires on in the examined year, with one before and one after it. */
  private List<LocalDate> firingDays() {
    String zero = withSeconds ? "0 0 0 " : "0 0 ";
    ExecutionTime daily =
        executionTime(expression, zero + field(2) + " " + field(3) + " " + field(4), withSeconds);
    List<LocalDate> days = new ArrayList<>();
    daily.lastExecution(GAP_FROM).ifPresent(d -> days.add(d.toLocalDate()));
    ZonedDateTime at = GAP_FROM.minusNanos(1);
    while (at.isBefore(GAP_TO)) {
      Optional<ZonedDateTime> next = daily.nextExecution(at);
      if (next.isEmpty()) {
        break;
      }
      at = next.get();
      days.add(at.toLocalDate());
    }
    return days;
  }

  private static ZonedDateTime utc(Instant instant) {
    return Objects.requireNonNull(instant, "instant").atZone(ZoneOffset.UTC);
  }

  /** Returns the expression, its fields separated by single spaces. */
  @Override
  public String toString() {
    return expression;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule other && other.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }
}
