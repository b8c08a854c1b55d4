package dev.tdeveloper.backend.redis;

import dev.tdeveloper.backend.redis.internal.ConnectionOptions;
import dev.tdeveloper.security.ratelimit.RateLimiterBuilder;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Configures a {@link RedisRateLimiterStore}; from {@link RedisRateLimiterStore#builder}. Each
 * setting may be given once; a second call throws {@link IllegalStateException}. Not thread-safe;
 * {@link #build()} copies the settings, so a built store never changes.
 */
public final class RedisRateLimiterStoreBuilder {
  /** The default key prefix: {@value}. */
  public static final String DEFAULT_KEY_PREFIX = "tdev:rl:";

  /** The default command timeout: 500 ms. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);

  /** The default number of consecutive failures that open the circuit: {@value}. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 5;

  /** The default time the circuit stays open before Redis is tried again: 2 s. */
  public static final Duration DEFAULT_BREAKER_DELAY = Duration.ofSeconds(2);

  final ConnectionOptions options;
  FailureMode failureMode = FailureMode.THROW;
  int failureThreshold = DEFAULT_FAILURE_THRESHOLD;
  Duration breakerDelay = DEFAULT_BREAKER_DELAY;
  int fallbackMaximumKeys = RateLimiterBuilder.DEFAULT_MAXIMUM_KEYS;
  private boolean modeSet;
  private boolean thresholdSet;
  private boolean delaySet;
  private boolean fallbackKeysSet;

  RedisRateLimiterStoreBuilder(RedisClient client, boolean ownsClient) {
    options =
        new ConnectionOptions(client, ownsClient, DEFAULT_KEY_PREFIX, DEFAULT_COMMAND_TIMEOUT, 0);
  }

  /**
   * Sets the prefix of every Redis key of the store (default {@value #DEFAULT_KEY_PREFIX}), to
   * share a server between applications.
   *
   * @throws IllegalArgumentException if longer than 64 characters or holding {@code {}}, {@code }}
   *     or whitespace (a brace would change the keys' cluster hash tag)
   */
  public RedisRateLimiterStoreBuilder keyPrefix(String prefix) {
    options.keyPrefix(prefix);
    return this;
  }

  /**
   * Sets how long one Redis command may take before it counts as a failure (default 500 ms).
   *
   * @throws IllegalArgumentException unless 1 ms to 10 minutes
   */
  public RedisRateLimiterStoreBuilder commandTimeout(Duration timeout) {
    options.commandTimeout(Objects.requireNonNull(timeout, "commandTimeout"));
    return this;
  }

  /** Sets what the store answers while Redis cannot (default {@link FailureMode#THROW}). */
  public RedisRateLimiterStoreBuilder failureMode(FailureMode mode) {
    Objects.requireNonNull(mode, "mode");
    ConnectionOptions.once(modeSet, "failureMode");
    failureMode = mode;
    modeSet = true;
    return this;
  }

  /**
   * Sets how many consecutive failures open the circuit breaker (default {@value
   * #DEFAULT_FAILURE_THRESHOLD}).
   *
   * @throws IllegalArgumentException unless 1 to 1000
   */
  public RedisRateLimiterStoreBuilder failureThreshold(int failures) {
    ConnectionOptions.once(thresholdSet, "failureThreshold");
    if (failures < 1 || failures > 1000) {
      throw new IllegalArgumentException(
          "failureThreshold must be between 1 and 1000, was " + failures);
    }
    failureThreshold = failures;
    thresholdSet = true;
    return this;
  }

  /**
   * Sets how long the open circuit waits before one call tries Redis again (default 2 s); one
   * success closes it.
   *
   * @throws IllegalArgumentException unless 1 ms to 10 minutes
   */
  public RedisRateLimiterStoreBuilder breakerDelay(Duration delay) {
    ConnectionOptions.once(delaySet, "breakerDelay");
    breakerDelay = ConnectionOptions.checkedDuration("breakerDelay", delay);
    delaySet = true;
    return this;
  }

  /**
   * Caps the keys of the in-process store used by {@link FailureMode#LOCAL_FALLBACK} (default
   * {@value RateLimiterBuilder#DEFAULT_MAXIMUM_KEYS}).
   *
   * @throws IllegalArgumentException unless 1 to 2^30
   */
  public RedisRateLimiterStoreBuilder fallbackMaximumKeys(int maximumKeys) {
    ConnectionOptions.once(fallbackKeysSet, "fallbackMaximumKeys");
    if (maximumKeys < 1 || maximumKeys > (1 << 30)) {
      throw new IllegalArgumentException(
          "fallbackMaximumKeys must be between 1 and 2^30, was " + maximumKeys);
    }
    fallbackMaximumKeys = maximumKeys;
    fallbackKeysSet = true;
    return this;
  }

  /**
   * For tests only: the script decides by this clock (nanoseconds from any origin) instead of the
   * server's {@code TIME}, and keys expire an hour later than their state ends, so that virtual
   * time can be moved without real time expiring them.
   */
  RedisRateLimiterStoreBuilder frozenClockForTests(LongSupplier nanos) {
    options.frozenClock(Objects.requireNonNull(nanos, "nanos"));
    return this;
  }

  /** For the provider: the client it created last, once the settings are known to be valid. */
  RedisRateLimiterStoreBuilder client(RedisClient created) {
    options.client(created);
    return this;
  }

  /** Builds the store; it connects to Redis on first use. */
  public RedisRateLimiterStore build() {
    return new RedisRateLimiterStore(this);
  }
}
