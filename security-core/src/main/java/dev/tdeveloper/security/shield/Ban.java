package dev.tdeveloper.security.shield;

import java.time.Duration;
import java.util.Objects;

/**
 * An active ban in a {@link BanList}. Immutable.
 *
 * @param key the banned key
 * @param offence the offence number that caused it (1 for a first offence)
 * @param duration the full length of the ban
 * @param remaining how long it still runs, as of the call that returned it
 * @param <K> the key type
 */
public record Ban<K>(K key, int offence, Duration duration, Duration remaining) {
  /** Validates the ban. */
  public Ban {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(remaining, "remaining");
    if (offence < 1) {
      throw new IllegalArgumentException("offence must be at least 1, was " + offence);
    }
  }
}
