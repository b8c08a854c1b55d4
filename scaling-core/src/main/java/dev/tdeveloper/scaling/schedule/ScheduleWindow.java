package dev.tdeveloper.scaling.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A recurring window of {@link ScheduledScaling}: it opens at each time a UNIX 5-field cron
 * expression fires (in the scaling's time zone) and stays open for {@code duration}; while open it
 * holds the replica count within {@code bounds} and/or at {@code desired}. Immutable.
 *
 * @param name names the window in reasons and errors
 * @param cron a UNIX cron expression ({@code minute hour day-of-month month day-of-week})
 * @param duration how long each opening lasts, positive
 * @param bounds the replica range while open (as an AWS scheduled action's min/max), if any
 * @param desired a fixed replica count while open, if any; within {@code bounds} when both are set
 */
public record ScheduleWindow(
    String name,
    String cron,
    Duration duration,
    Optional<ReplicaBounds> bounds,
    OptionalInt desired) {
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the window, the field, the value and what is allowed: a
   *     blank name, a cron expression cron-utils refuses (its message quoted), a zero or negative
   *     duration, a negative desired count, a desired count outside the bounds, or neither bounds
   *     nor desired
   */
  public ScheduleWindow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(desired, "desired");
    if (name.isBlank()) {
      throw new IllegalArgumentException("window name: blank; allowed: a non-blank name");
    }
    executionTime(name, cron);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(
          "window '" + name + "' duration: " + duration + "; allowed: a positive duration");
    }
    if (bounds.isEmpty() && desired.isEmpty()) {
      throw new IllegalArgumentException(
          "window '" + name + "': neither bounds nor desired; allowed: either or both");
    }
    if (desired.isPresent()) {
      int d = desired.getAsInt();
      if (d < 0 || bounds.isPresent() && !bounds.get().contains(d)) {
        throw new IllegalArgumentException(
            "window '"
                + name
                + "' desired: "
                + d
                + "; allowed: >= 0"
                + bounds.map(b -> " and within [" + b.min() + ", " + b.max() + "]").orElse(""));
      }
    }
  }

  /**
   * Starts a window.
   *
   * @param name the window's name
   * @return a builder
   */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /**
   * When the opening that contains {@code now} started, if one does.
   *
   * @param now the time
   * @param zone the zone the cron expression is read in
   * @return the start of the open window, or empty when the window is closed at {@code now}
   */
  Optional<Instant> openedAt(Instant now, ZoneId zone) {
    // lastExecution is strictly before its argument; one second on includes a start at now.
    return executionTime(name, cron)
        .lastExecution(ZonedDateTime.ofInstant(now.plusSeconds(1), zone))
        .map(ZonedDateTime::toInstant)
        .filter(start -> !start.isAfter(now) && start.plus(duration).isAfter(now));
  }

  private static ExecutionTime executionTime(String name, String cron) {
    try {
      return ExecutionTime.forCron(UNIX.parse(cron));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "window '"
              + name
              + "' cron: '"
              + cron
              + "' is not a UNIX cron expression (minute hour day-of-month month day-of-week): "
              + e.getMessage(),
          e);
    }
  }

  /** Builds a {@link ScheduleWindow}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private String cron;
    private Duration duration;
    private Optional<ReplicaBounds> bounds = Optional.empty();
    private OptionalInt desired = OptionalInt.empty();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets when the window opens (required).
     *
     * @param cron a UNIX 5-field cron expression, {@code "0 9 * * 1-5"} for example
     * @return this builder
     */
    public Builder cron(String cron) {
      this.cron = Objects.requireNonNull(cron, "cron");
      return this;
    }

    /**
     * Sets how long each opening lasts (required).
     *
     * @param duration positive
     * @return this builder
     */
    public Builder duration(Duration duration) {
      this.duration = Objects.requireNonNull(duration, "duration");
      return this;
    }

    /**
     * Sets the replica range while open.
     *
     * @param min the fewest replicas, at least 0
     * @param max the most replicas, at least {@code min} and 1
     * @return this builder
     * @throws IllegalArgumentException naming the window when the range is invalid
     */
    public Builder bounds(int min, int max) {
      try {
        this.bounds = Optional.of(ReplicaBounds.of(min, max));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("window '" + name + "' " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * Sets a fixed replica count while open.
     *
     * @param replicas at least 0
     * @return this builder
     */
    public Builder desired(int replicas) {
      this.desired = OptionalInt.of(replicas);
      return this;
    }

    /**
     * Builds the window.
     *
     * @return the window
     * @throws IllegalStateException when the cron expression or the duration is not set
     * @throws IllegalArgumentException as {@link ScheduleWindow}'s constructor does
     */
    public ScheduleWindow build() {
      if (cron == null || duration == null) {
        throw new IllegalStateException(
            "window '" + name + "': " + (cron == null ? "cron" : "duration") + " not set");
      }
      return new ScheduleWindow(name, cron, duration, bounds, desired);
    }
  }
}
