package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.internal.ConnectionOptions;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Configures a {@link RedisEdgeCache}; from {@link RedisEdgeCache#builder}. Each setting may be
 * given once; a second call throws {@link IllegalStateException}. Not thread-safe; {@link #build()}
 * copies the settings.
 */
public final class RedisEdgeCacheBuilder {
  /** The default key prefix: {@value}. */
  public static final String DEFAULT_KEY_PREFIX = "tdev:edge:";

  /** The default cap on one tenant's entries: {@value}. */
  public static final int DEFAULT_MAX_ENTRIES_PER_TENANT = 10_000;

  /** The default cap on one tenant's stored bytes: {@value} (64 MiB). */
  public static final long DEFAULT_MAX_BYTES_PER_TENANT = 64L * 1024 * 1024;

  /** The largest byte budget: {@value} (1 TiB, below what a Lua number counts exactly). */
  public static final long MAX_BYTES_PER_TENANT = 1L << 40;

  final ConnectionOptions settings;
  InstantSource clock = InstantSource.system();
  int maxEntriesPerTenant = DEFAULT_MAX_ENTRIES_PER_TENANT;
  long maxBytesPerTenant = DEFAULT_MAX_BYTES_PER_TENANT;
  private boolean clockSet;
  private boolean entriesSet;
  private boolean bytesSet;

  RedisEdgeCacheBuilder(RedisClient client, boolean ownsClient) {
    settings =
        new ConnectionOptions(
            client, ownsClient, DEFAULT_KEY_PREFIX, LinkDefaults.DEFAULT_COMMAND_TIMEOUT, 1);
  }

  /**
   * Sets the clock entries expire by (default the system clock).
   *
   * @param clock the wall clock
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public RedisEdgeCacheBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    ConnectionOptions.once(clockSet, "clock");
    this.clock = clock;
    clockSet = true;
    return this;
  }

  /**
   * Sets the most entries one tenant keeps (default {@value #DEFAULT_MAX_ENTRIES_PER_TENANT}).
   *
   * @param max 1 or more
   * @return this builder
   * @throws IllegalArgumentException if below 1
   * @throws IllegalStateException if already set
   */
  public RedisEdgeCacheBuilder maxEntriesPerTenant(int max) {
    ConnectionOptions.once(entriesSet, "maxEntriesPerTenant");
    if (max < 1) {
      throw new IllegalArgumentException("maxEntriesPerTenant is " + max + "; allowed: 1 or more");
    }
    maxEntriesPerTenant = max;
    entriesSet = true;
    return this;
  }

  /**
   * Sets the most bytes one tenant's entries take, stored entry plus key (default 64 MiB).
   *
   * @param max 1 to {@value #MAX_BYTES_PER_TENANT}
   * @return this builder
   * @throws IllegalArgumentException if out of range
   * @throws IllegalStateException if already set
   */
  public RedisEdgeCacheBuilder maxBytesPerTenant(long max) {
    ConnectionOptions.once(bytesSet, "maxBytesPerTenant");
    if (max < 1 || max > MAX_BYTES_PER_TENANT) {
      throw new IllegalArgumentException(
          "maxBytesPerTenant is " + max + "; allowed: 1 to " + MAX_BYTES_PER_TENANT);
    }
    maxBytesPerTenant = max;
    bytesSet = true;
    return this;
  }

  /**
   * Sets the prefix of every key (default {@value #DEFAULT_KEY_PREFIX}).
   *
   * @param prefix 1-64 characters without braces or whitespace
   * @return this builder
   * @throws IllegalArgumentException if the prefix is invalid
   * @throws IllegalStateException if already set
   */
  public RedisEdgeCacheBuilder keyPrefix(String prefix) {
    settings.keyPrefix(prefix);
    return this;
  }

  /**
   * Sets how long one Redis command may take (default 2 s).
   *
   * @param timeout 1 ms to 10 minutes
   * @return this builder
   * @throws IllegalArgumentException if out of range
   * @throws IllegalStateException if already set
   */
  public RedisEdgeCacheBuilder commandTimeout(Duration timeout) {
    settings.commandTimeout(timeout);
    return this;
  }

  /**
   * Builds the cache; it connects on first use.
   *
   * @return the cache
   */
  public RedisEdgeCache build() {
    return new RedisEdgeCache(this);
  }
}
