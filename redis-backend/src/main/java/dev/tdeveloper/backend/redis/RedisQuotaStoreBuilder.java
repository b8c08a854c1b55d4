package dev.tdeveloper.backend.redis;

import dev.tdeveloper.backend.redis.internal.ConnectionOptions;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Configures a {@link RedisQuotaStore}; from {@link RedisQuotaStore#builder}. Each setting may be
 * given once; a second call throws {@link IllegalStateException}. Not thread-safe; {@link #build()}
 * copies the settings.
 */
public final class RedisQuotaStoreBuilder {
  /** The default key prefix: {@value}. */
  public static final String DEFAULT_KEY_PREFIX = "tdev:quota:";

  /** The default command timeout: 1 s. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);

  final ConnectionOptions options;
  InstantSource clock = InstantSource.system();
  private boolean clockSet;

  RedisQuotaStoreBuilder(RedisClient client, boolean ownsClient) {
    options =
        new ConnectionOptions(client, ownsClient, DEFAULT_KEY_PREFIX, DEFAULT_COMMAND_TIMEOUT, 0);
  }

  /**
   * Sets the clock that decides whether a counter's window has ended (default the system clock);
   * use the quota enforcer's.
   */
  public RedisQuotaStoreBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    ConnectionOptions.once(clockSet, "clock");
    this.clock = clock;
    clockSet = true;
    return this;
  }

  /**
   * Sets the prefix of every Redis key of the store (default {@value #DEFAULT_KEY_PREFIX}).
   *
   * @throws IllegalArgumentException if longer than 64 characters or holding braces or whitespace
   */
  public RedisQuotaStoreBuilder keyPrefix(String prefix) {
    options.keyPrefix(prefix);
    return this;
  }

  /**
   * Sets how long one Redis command may take (default 1 s).
   *
   * @throws IllegalArgumentException unless 1 ms to 10 minutes
   */
  public RedisQuotaStoreBuilder commandTimeout(Duration timeout) {
    options.commandTimeout(timeout);
    return this;
  }

  /** For the provider: the client it created last, once the settings are known to be valid. */
  RedisQuotaStoreBuilder client(RedisClient created) {
    options.client(created);
    return this;
  }

  /** Builds the store; it connects to Redis on first use. */
  public RedisQuotaStore build() {
    return new RedisQuotaStore(this);
  }
}
