package dev.tdeveloper.backend.redis.distribution;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every builder of this package shares: client, key prefix and command timeout, each
 * settable once. Not thread-safe, like the builders that hold it.
 */
final class LinkSettings {
  /** The default command timeout: 2 s. */
  static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

  private RedisClient client;
  private final boolean ownsClient;
  private String keyPrefix;
  private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
  private boolean prefixSet;
  private boolean timeoutSet;

  /**
   * @param client the user's client, or null when a provider sets its own with {@link #client}
   */
  LinkSettings(RedisClient client, boolean ownsClient, String defaultPrefix) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.keyPrefix = defaultPrefix;
  }

  /**
   * @throws IllegalArgumentException if longer than 64 characters or holding braces or whitespace
   *     (a brace would change the keys' Redis Cluster hash tag)
   * @throws IllegalStateException if already set
   */
  void keyPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    once(prefixSet, "keyPrefix");
    if (prefix.isEmpty() || prefix.length() > 64 || !prefix.matches("[^{}\\s]+")) {
      throw new IllegalArgumentException(
          "keyPrefix is '" + prefix + "'; allowed: 1-64 characters without braces or whitespace");
    }
    keyPrefix = prefix;
    prefixSet = true;
  }

  /**
   * @throws IllegalArgumentException unless 1 ms to 10 minutes
   * @throws IllegalStateException if already set
   */
  void commandTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    once(timeoutSet, "commandTimeout");
    if (timeout.compareTo(Duration.ofMillis(1)) < 0
        || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "commandTimeout is " + timeout + "; allowed: 1 ms to 10 minutes");
    }
    commandTimeout = timeout;
    timeoutSet = true;
  }

  /** For a provider: the client it created once every setting was known to be valid. */
  void client(RedisClient created) {
    client = Objects.requireNonNull(created, "client");
  }

  String keyPrefix() {
    return keyPrefix;
  }

  /** Opens (lazily) the component's connection; {@code component} names it in errors. */
  RedisLink link(String component) {
    return new RedisLink(client, ownsClient, commandTimeout, component);
  }

  /** Throws {@link IllegalStateException} naming {@code setting} if it was already set. */
  static void once(boolean set, String setting) {
    if (set) {
      throw new IllegalStateException(setting + " was already set");
    }
  }
}
