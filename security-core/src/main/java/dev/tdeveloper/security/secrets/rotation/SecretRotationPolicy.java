package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.spi.SecretVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a secret is due for rotation: once its CURRENT version is {@code maxAge} old, or at once
 * when it has no CURRENT version. Immutable and thread-safe.
 *
 * @param maxAge how long a CURRENT version may live; from 1 minute to 3650 days
 */
public record SecretRotationPolicy(Duration maxAge) {
  /** The shortest max age: 1 minute. */
  public static final Duration MIN_MAX_AGE = Duration.ofMinutes(1);

  /** The longest max age: 3650 days. */
  public static final Duration MAX_MAX_AGE = Duration.ofDays(3650);

  /**
   * Validates the max age.
   *
   * @throws IllegalArgumentException if outside {@link #MIN_MAX_AGE} to {@link #MAX_MAX_AGE}
   */
  public SecretRotationPolicy {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.compareTo(MIN_MAX_AGE) < 0 || maxAge.compareTo(MAX_MAX_AGE) > 0) {
      throw new IllegalArgumentException(
          "maxAge must be from " + MIN_MAX_AGE + " to " + MAX_MAX_AGE + ", was " + maxAge);
    }
  }

  /** Returns a policy rotating every {@code maxAge}. */
  public static SecretRotationPolicy maxAge(Duration maxAge) {
    return new SecretRotationPolicy(maxAge);
  }

  /** Returns when {@code current} is due: its creation plus max age; now when there is none. */
  public Instant dueAt(Optional<SecretVersion> current, Instant now) {
    Objects.requireNonNull(now, "now");
    return current.map(v -> v.created().plus(maxAge)).orElse(now);
  }

  /** Returns whether {@code current} is due at {@code now}. */
  public boolean isDue(Optional<SecretVersion> current, Instant now) {
    return !dueAt(current, now).isAfter(now);
  }
}
