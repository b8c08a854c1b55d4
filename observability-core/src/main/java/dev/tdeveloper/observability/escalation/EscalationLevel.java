package dev.tdeveloper.observability.escalation;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One level (PagerDuty: escalation rule) of an {@link EscalationPolicy}: the targets notified when
 * the level is reached, and how many minutes the incident may stay unacknowledged before it
 * escalates to the next level. Immutable and thread-safe.
 *
 * @param targets the users and schedules notified, 1 to {@value #MAX_TARGETS}, no duplicates
 * @param delayMinutes minutes before escalating onwards, {@value #MIN_DELAY_MINUTES} to {@value
 *     #MAX_DELAY_MINUTES}
 */
public record EscalationLevel(List<EscalationTarget> targets, int delayMinutes) {
  /** The most targets one level has: {@value} (as PagerDuty). */
  public static final int MAX_TARGETS = 10;

  /** The shortest delay: {@value} minute. */
  public static final int MIN_DELAY_MINUTES = 1;

  /** The longest delay: {@value} minutes (one day). */
  public static final int MAX_DELAY_MINUTES = 1440;

  /**
   * Validates the level.
   *
   * @throws IllegalArgumentException if there are no targets, too many, duplicates, or the delay is
   *     out of range
   */
  public EscalationLevel {
    Objects.requireNonNull(targets, "targets");
    targets = List.copyOf(targets);
    if (targets.isEmpty() || targets.size() > MAX_TARGETS) {
      throw new IllegalArgumentException(
          "escalation level has " + targets.size() + " targets; allowed: 1 to " + MAX_TARGETS);
    }
    if (new HashSet<>(targets).size() != targets.size()) {
      throw new IllegalArgumentException("escalation level names a target twice: " + targets);
    }
    if (delayMinutes < MIN_DELAY_MINUTES || delayMinutes > MAX_DELAY_MINUTES) {
      throw new IllegalArgumentException(
          "escalation level delayMinutes "
              + delayMinutes
              + " is out of range; allowed: "
              + MIN_DELAY_MINUTES
              + " to "
              + MAX_DELAY_MINUTES);
    }
  }

  /** Returns a level notifying {@code targets} and escalating after {@code delayMinutes}. */
  public static EscalationLevel of(int delayMinutes, EscalationTarget... targets) {
    return new EscalationLevel(List.of(targets), delayMinutes);
  }

  /** Returns the delay as a duration. */
  public Duration delay() {
    return Duration.ofMinutes(delayMinutes);
  }
}
