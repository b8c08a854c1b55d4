package dev.tdeveloper.security.shield;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link BanList} bans: {@code firstBan} for a first offence, doubling with each repeat
 * offence up to {@code maxBan}. Offences are forgiven one per {@code forgiveAfter} of good
 * behaviour after a ban ends, so an old offender returns to short bans. At most {@code maximumSize}
 * keys (active bans and offence records) are held. Immutable.
 *
 * @param firstBan the ban of a first offence (at least one second; default 1 minute)
 * @param maxBan the longest ban (at least {@code firstBan}, at most 30 days; default 1 hour)
 * @param forgiveAfter the quiet period after which one offence is forgotten (at least one second,
 *     at most 30 days; default 1 hour)
 * @param maximumSize the most keys held (1 to 2^30; default {@value #DEFAULT_MAXIMUM_SIZE})
 */
public record BanPolicy(
    Duration firstBan, Duration maxBan, Duration forgiveAfter, int maximumSize) {
  /** The default number of keys held: {@value}. */
  public static final int DEFAULT_MAXIMUM_SIZE = 100_000;

  private static final Duration SHORTEST = Duration.ofSeconds(1);
  private static final Duration LONGEST = Duration.ofDays(30);

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException naming the field, its value and the allowed range
   * @throws IllegalStateException if {@code maxBan} is shorter than {@code firstBan}
   */
  public BanPolicy {
    check("firstBan", firstBan);
    check("maxBan", maxBan);
    check("forgiveAfter", forgiveAfter);
    if (maximumSize < 1 || maximumSize > (1 << 30)) {
      throw new IllegalArgumentException("maximumSize must be 1 to 2^30, was " + maximumSize);
    }
    if (maxBan.compareTo(firstBan) < 0) {
      throw new IllegalStateException(
          "maxBan " + maxBan + " must not be shorter than firstBan " + firstBan);
    }
  }

  /** Returns the defaults: 1 minute doubling up to 1 hour, one offence forgiven per quiet hour. */
  public static BanPolicy defaults() {
    return new BanPolicy(
        Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1), DEFAULT_MAXIMUM_SIZE);
  }

  /** Returns a copy with {@code firstBan} and {@code maxBan}. */
  public BanPolicy withBans(Duration firstBan, Duration maxBan) {
    return new BanPolicy(firstBan, maxBan, forgiveAfter, maximumSize);
  }

  /** Returns a copy forgiving one offence per {@code forgiveAfter} without a ban. */
  public BanPolicy withForgiveAfter(Duration forgiveAfter) {
    return new BanPolicy(firstBan, maxBan, forgiveAfter, maximumSize);
  }

  /** Returns a copy holding at most {@code maximumSize} keys. */
  public BanPolicy withMaximumSize(int maximumSize) {
    return new BanPolicy(firstBan, maxBan, forgiveAfter, maximumSize);
  }

  /**
   * Returns the ban for offence number {@code offence} (1-based): {@code firstBan * 2^(n-1)},
   * capped.
   */
  public Duration banFor(int offence) {
    if (offence < 1) {
      throw new IllegalArgumentException("offence must be at least 1, was " + offence);
    }
    long first = firstBan.toNanos();
    long max = maxBan.toNanos();
    int shift = offence - 1;
    return Duration.ofNanos(shift >= 62 || first > (max >> shift) ? max : first << shift);
  }

  private static void check(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(SHORTEST) < 0 || value.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          name + " must be " + SHORTEST + " to " + LONGEST + ", was " + value);
    }
  }
}
