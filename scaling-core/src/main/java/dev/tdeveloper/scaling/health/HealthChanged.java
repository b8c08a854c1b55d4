package dev.tdeveloper.scaling.health;

import java.time.Instant;
import java.util.Objects;

/**
 * Published when a check's or a group's status changes; a run that finds the same status as the
 * previous one publishes nothing. Every check and group starts as {@link HealthStatus#UNKNOWN}, so
 * its first run that finds another status publishes a change from {@code UNKNOWN}. Immutable.
 *
 * @param kind whether a check or a group changed
 * @param name the check's or group's name
 * @param previous the status before
 * @param current the status now
 * @param at when the change was observed (wall time)
 */
public record HealthChanged(
    Kind kind, String name, HealthStatus previous, HealthStatus current, Instant at) {
  /** What changed. */
  public enum Kind {
    /** One check. */
    CHECK,
    /** A group's aggregate. */
    GROUP
  }

  /**
   * Validates the members.
   *
   * @throws NullPointerException naming the null member
   * @throws IllegalArgumentException if {@code previous} equals {@code current}
   */
  public HealthChanged {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(at, "at");
    if (previous == current) {
      throw new IllegalArgumentException("previous and current are both " + current);
    }
  }
}
