package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.internal.ConnectionOptions;
import io.lettuce.core.RedisClient;
import java.time.Duration;

/**
 * Configures a {@link RedisReplicationChannel}; from {@link RedisReplicationChannel#builder}. Each
 * setting may be given once; a second call throws {@link IllegalStateException}. Not thread-safe;
 * {@link #build()} copies the settings.
 */
public final class RedisReplicationChannelBuilder {
  /** The default key prefix: {@value}. */
  public static final String DEFAULT_KEY_PREFIX = "tdev:repl:";

  /** The default cap on one origin's unacknowledged entries: {@value}. */
  public static final int DEFAULT_MAX_BACKLOG = 100_000;

  final ConnectionOptions settings;
  int maxBacklog = DEFAULT_MAX_BACKLOG;
  private boolean backlogSet;

  RedisReplicationChannelBuilder(RedisClient client, boolean ownsClient) {
    settings =
        new ConnectionOptions(
            client, ownsClient, DEFAULT_KEY_PREFIX, LinkDefaults.DEFAULT_COMMAND_TIMEOUT, 1);
  }

  /**
   * Sets how many entries one origin's stream may hold before {@link
   * RedisReplicationChannel#publish} refuses with {@link ReplicationBacklogFullException} (default
   * {@value #DEFAULT_MAX_BACKLOG}).
   *
   * @param max 1 or more
   * @return this builder
   * @throws IllegalArgumentException if below 1
   * @throws IllegalStateException if already set
   */
  public RedisReplicationChannelBuilder maxBacklog(int max) {
    ConnectionOptions.once(backlogSet, "maxBacklog");
    if (max < 1) {
      throw new IllegalArgumentException("maxBacklog is " + max + "; allowed: 1 or more");
    }
    maxBacklog = max;
    backlogSet = true;
    return this;
  }

  /**
   * Sets the prefix of every key (default {@value #DEFAULT_KEY_PREFIX}); channels with different
   * prefixes are independent.
   *
   * @param prefix 1-64 characters without braces or whitespace
   * @return this builder
   * @throws IllegalArgumentException if the prefix is invalid
   * @throws IllegalStateException if already set
   */
  public RedisReplicationChannelBuilder keyPrefix(String prefix) {
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
  public RedisReplicationChannelBuilder commandTimeout(Duration timeout) {
    settings.commandTimeout(timeout);
    return this;
  }

  /**
   * Builds the channel; it connects on first use.
   *
   * @return the channel
   */
  public RedisReplicationChannel build() {
    return new RedisReplicationChannel(this);
  }
}
