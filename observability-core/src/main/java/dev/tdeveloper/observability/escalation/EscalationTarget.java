package dev.tdeveloper.observability.escalation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whom one level of an {@link EscalationPolicy} notifies: a user by name, or an {@link
 * OnCallSchedule} by name, resolved to the user on call when the level is notified (PagerDuty's
 * {@code user_reference} and {@code schedule_reference}). Immutable and thread-safe.
 */
public sealed interface EscalationTarget {
  /** Names allowed for users and schedules: letters, digits and {@code . _ @ + -}, 1 to 128. */
  Pattern NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");

  /** Returns the user or schedule name. */
  String name();

  /** Returns a user target. */
  static User user(String name) {
    return new User(name);
  }

  /** Returns a schedule target. */
  static Schedule schedule(String name) {
    return new Schedule(name);
  }

  /**
   * A user notified directly.
   *
   * @param name the user's name, as notifiers know it (e-mail address, PagerDuty user, handle)
   */
  record User(String name) implements EscalationTarget {
    /**
     * Validates the name.
     *
     * @throws IllegalArgumentException if the name does not match {@link #NAME}
     */
    public User {
      checkName("user", name);
    }
  }

  /**
   * A schedule, resolved to its on-call user at notification time.
   *
   * @param name the schedule's name
   */
  record Schedule(String name) implements EscalationTarget {
    /**
     * Validates the name.
     *
     * @throws IllegalArgumentException if the name does not match {@link #NAME}
     */
    public Schedule {
      checkName("schedule", name);
    }
  }

  private static void checkName(String kind, String name) {
    Objects.requireNonNull(name, kind);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          kind + " name '" + name + "' is invalid; allowed: 1 to 128 letters, digits or . _ @ + -");
    }
  }
}
