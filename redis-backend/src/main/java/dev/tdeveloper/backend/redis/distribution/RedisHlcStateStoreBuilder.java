package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.internal.ConnectionOptions;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configures a {@link RedisHlcStateStore}; from {@link RedisHlcStateStore#builder}. The name is
 * required; each setting may be given once (a second call throws {@link IllegalStateException}).
 * Not thread-safe; {@link #build()} copies the settings.
 */
public final class RedisHlcStateStoreBuilder {
  /** The default key prefix: {@value}. */
  public static final String DEFAULT_KEY_PREFIX = "tdev:hlc:";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

  private final ConnectionOptions settings;
  private String name;

  RedisHlcStateStoreBuilder(RedisClient client) {
    settings =
        new ConnectionOptions(
            client, false, DEFAULT_KEY_PREFIX, LinkDefaults.DEFAULT_COMMAND_TIMEOUT, 1);
  }

  /**
   * Names the mark's location, for example the region and node of the clock ({@code
   * eu-west-1/node-7}); the key is the prefix followed by the name.
   *
   * @param name 1-200 characters of {@code A-Z a-z 0-9 . _ : / -}
   * @return this builder
   * @throws IllegalArgumentException if the name is invalid
   * @throws IllegalStateException if already set
   */
  public RedisHlcStateStoreBuilder name(String name) {
    Objects.requireNonNull(name, "name");
    ConnectionOptions.once(this.name != null, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name is '" + name + "'; allowed: 1-200 characters of A-Z a-z 0-9 . _ : / -");
    }
    this.name = name;
    return this;
  }

  /**
   * Sets the prefix of the key (default {@value #DEFAULT_KEY_PREFIX}).
   *
   * @param prefix 1-64 characters without braces or whitespace
   * @return this builder
   * @throws IllegalArgumentException if the prefix is invalid
   * @throws IllegalStateException if already set
   */
  public RedisHlcStateStoreBuilder keyPrefix(String prefix) {
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
  public RedisHlcStateStoreBuilder commandTimeout(Duration timeout) {
    settings.commandTimeout(timeout);
    return this;
  }

  /**
   * Builds the store; it connects on first use.
   *
   * @return the store
   * @throws IllegalStateException if no name was set
   */
  public RedisHlcStateStore build() {
    if (name == null) {
      throw new IllegalStateException("name is required: where the clock's mark is kept");
    }
    return new RedisHlcStateStore(settings, name);
  }
}
