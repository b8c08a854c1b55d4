package dev.tdeveloper.backend.redis;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Configures a {@link RedisJobLease}; from {@link RedisJobLease#builder}. Each setting may be given
 * once; a second call throws {@link IllegalStateException}. Not thread-safe; {@link #build()}
 * copies the settings.
 */
public final class RedisJobLeaseBuilder {
  /** The default key prefix: {@value}. */
  public static final String DEFAULT_KEY_PREFIX = "tdev:lease:";

  /** The default command timeout: 1 s. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);

  RedisClient client;
  final boolean ownsClient;
  String keyPrefix = DEFAULT_KEY_PREFIX;
  Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
  LongSupplier frozenClock;
  private boolean prefixSet;
  private boolean timeoutSet;

  RedisJobLeaseBuilder(RedisClient client, boolean ownsClient) {
    this.client = client;
    this.ownsClient = ownsClient;
  }

  /**
   * Sets the prefix of every Redis key of the leases (default {@value #DEFAULT_KEY_PREFIX}).
   *
   * @throws IllegalArgumentException if longer than 64 characters or holding braces or whitespace
   * @throws IllegalStateException if already set
   */
  public RedisJobLeaseBuilder keyPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    once(prefixSet, "keyPrefix");
    if (prefix.length() > 64 || !prefix.matches("[^{}\\s]*")) {
      throw new IllegalArgumentException(
          "keyPrefix must be at most 64 characters without braces or whitespace, was '"
              + prefix
              + "'");
    }
    keyPrefix = prefix;
    prefixSet = true;
    return this;
  }

  /**
   * Sets how long one Redis command may take (default 1 s); keep it well below the leases' time to
   * live, so a holder learns it cannot renew before its lease expires.
   *
   * @throws IllegalArgumentException unless 1 ms to 10 minutes
   * @throws IllegalStateException if already set
   */
  public RedisJobLeaseBuilder commandTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    once(timeoutSet, "commandTimeout");
    if (timeout.compareTo(Duration.ofMillis(1)) < 0
        || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "commandTimeout must be between 1 ms and 10 minutes, was " + timeout);
    }
    commandTimeout = timeout;
    timeoutSet = true;
    return this;
  }

  /**
   * Tests only: the scripts decide by this time (epoch milliseconds) instead of the server's {@code
   * TIME}, and keys get no server expiry.
   */
  RedisJobLeaseBuilder frozenClockForTests(LongSupplier epochMillis) {
    frozenClock = Objects.requireNonNull(epochMillis, "epochMillis");
    return this;
  }

  /** For the provider: the client it created, once the settings are known to be valid. */
  RedisJobLeaseBuilder client(RedisClient created) {
    client = Objects.requireNonNull(created, "client");
    return this;
  }

  /** Builds the leases; they connect to Redis on first use. */
  public RedisJobLease build() {
    return new RedisJobLease(this);
  }

  private static void once(boolean set, String setting) {
    if (set) {
      throw new IllegalStateException(setting + " was already set");
    }
  }
}
