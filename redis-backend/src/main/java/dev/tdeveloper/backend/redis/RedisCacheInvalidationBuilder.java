package dev.tdeveloper.backend.redis;

import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configures a {@link RedisCacheInvalidation}; from {@link RedisCacheInvalidation#builder}. Each
 * setting may be given once; a second call throws {@link IllegalStateException}. Not thread-safe;
 * {@code build} copies the settings.
 */
public final class RedisCacheInvalidationBuilder {
  /** The default command timeout: 1 s. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);

  final RedisClient client;
  final String channel;
  Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
  private boolean timeoutSet;

  RedisCacheInvalidationBuilder(RedisClient client, String channel) {
    this.client = client;
    this.channel = channel;
  }

  /**
   * Sets how long subscribing or publishing may take (default 1 s).
   *
   * @throws IllegalArgumentException unless 1 ms to 10 minutes
   * @throws IllegalStateException if already set
   */
  public RedisCacheInvalidationBuilder commandTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeoutSet) {
      throw new IllegalStateException("commandTimeout was already set");
    }
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
   * Connects, subscribes to the channel and returns {@code cache} wrapped, for a cache with String
   * keys.
   *
   * @throws NullPointerException if {@code cache} is null
   * @throws CacheInvalidationException if Redis cannot be reached to subscribe
   */
  public <V> RedisCacheInvalidation<String, V> build(TenantScopedCache<String, V> cache) {
    return build(cache, Function.identity(), Function.identity());
  }

  /**
   * Connects, subscribes to the channel and returns {@code cache} wrapped; keys travel as {@code
   * encoder} writes them and are read back with {@code decoder}, which must invert it.
   *
   * @throws NullPointerException if an argument is null
   * @throws CacheInvalidationException if Redis cannot be reached to subscribe
   */
  public <K, V> RedisCacheInvalidation<K, V> build(
      TenantScopedCache<K, V> cache,
      Function<? super K, String> encoder,
      Function<String, ? extends K> decoder) {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(decoder, "decoder");
    return new RedisCacheInvalidation<>(this, cache, encoder, decoder);
  }
}
