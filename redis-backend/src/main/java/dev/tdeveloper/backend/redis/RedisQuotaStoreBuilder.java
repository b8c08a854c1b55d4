package dev.tdeveloper.backend.redis;

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

  RedisClient client;
  final boolean ownsClient;
  InstantSource clock = InstantSource.system();
  String keyPrefix = DEFAULT_KEY_PREFIX;
  Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
  private boolean clockSet;
  private boolean prefixSet;
  private boolean timeoutSet;

  RedisQuotaStoreBuilder(RedisClient client, boolean ownsClient) {
    this.client = client;
    this.ownsClient = ownsClient;
  }

  /**
   * Sets the clock that decides whether a counter's window has ended (default the system clock);
   * use the quota enforcer's.
   */
  public RedisQuotaStoreBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    once(clockSet, "clock");
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
   * Sets how long one Redis command may take (default 1 s).
   *
   * @throws IllegalArgumentException unless 1 ms to 10 minutes
   */
  public RedisQuotaStoreBuilder commandTimeout(Duration timeout) {
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

  /** For the provider: the client it created last, once the settings are known to be valid. */
  RedisQuotaStoreBuilder client(RedisClient created) {
    client = Objects.requireNonNull(created, "client");
    return this;
  }

  /** Builds the store; it connects to Redis on first use. */
  public RedisQuotaStore build() {
    return new RedisQuotaStore(this);
  }

  private static void once(boolean set, String setting) {
    if (set) {
      throw new IllegalStateException(setting + " was already set");
    }
  }
}
