package dev.tdeveloper.backend.redis;

import dev.tdeveloper.backend.redis.internal.ConnectionOptions;
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

  final ConnectionOptions options;

  RedisJobLeaseBuilder(RedisClient client, boolean ownsClient) {
    options =
        new ConnectionOptions(client, ownsClient, DEFAULT_KEY_PREFIX, DEFAULT_COMMAND_TIMEOUT, 0);
  }

  /**
   * Sets the prefix of every Redis key of the leases (default {@value #DEFAULT_KEY_PREFIX}).
   *
   * @throws IllegalArgumentException if longer than 64 characters or holding braces or whitespace
   * @throws IllegalStateException if already set
   */
  public RedisJobLeaseBuilder keyPrefix(String prefix) {
    options.keyPrefix(prefix);
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
    options.commandTimeout(timeout);
    return this;
  }

  /**
   * Tests only: the scripts decide by this time (epoch milliseconds) instead of the server's {@code
   * TIME}, and keys get no server expiry.
   */
  RedisJobLeaseBuilder frozenClockForTests(LongSupplier epochMillis) {
    options.frozenClock(Objects.requireNonNull(epochMillis, "epochMillis"));
    return this;
  }

  /** For the provider: the client it created, once the settings are known to be valid. */
  RedisJobLeaseBuilder client(RedisClient created) {
    options.client(created);
    return this;
  }

  /** Builds the leases; they connect to Redis on first use. */
  public RedisJobLease build() {
    return new RedisJobLease(this);
  }
}
