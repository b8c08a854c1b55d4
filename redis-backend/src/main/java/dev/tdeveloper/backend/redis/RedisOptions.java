package dev.tdeveloper.backend.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The connection settings the store builders share: client, key prefix, command timeout and the
 * frozen test clock. The key prefix and command timeout may be set once; a second call throws
 * {@link IllegalStateException}. Not thread-safe, like the builders that hold it.
 */
final class RedisOptions {
  private RedisClient client;
  private final boolean ownsClient;
  private String keyPrefix;
  private Duration commandTimeout;
  private LongSupplier frozenClock;
  private boolean prefixSet;
  private boolean timeoutSet;

  RedisOptions(
      RedisClient client, boolean ownsClient, String defaultPrefix, Duration defaultTimeout) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.keyPrefix = defaultPrefix;
    this.commandTimeout = defaultTimeout;
  }

  /**
   * Sets the prefix of every Redis key.
   *
   * @throws IllegalArgumentException if longer than 64 characters or holding braces or whitespace
   *     (a brace would change the keys' cluster hash tag)
   * @throws IllegalStateException if already set
   */
  void keyPrefix(String prefix) {
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
  }

  /**
   * Sets how long one Redis command may take.
   *
   * @throws IllegalArgumentException unless 1 ms to 10 minutes
   * @throws IllegalStateException if already set
   */
  void commandTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    once(timeoutSet, "commandTimeout");
    commandTimeout = checkedDuration("commandTimeout", timeout);
    timeoutSet = true;
  }

  /** Tests only: the clock the scripts decide by instead of the server's {@code TIME}. */
  void frozenClock(LongSupplier clock) {
    frozenClock = clock;
  }

  /** For the provider: the client it created, once the settings are known to be valid. */
  void client(RedisClient created) {
    client = Objects.requireNonNull(created, "client");
  }

  String keyPrefix() {
    return keyPrefix;
  }

  Duration commandTimeout() {
    return commandTimeout;
  }

  /** Returns the frozen test clock, or null for the server's {@code TIME}. */
  LongSupplier frozenClock() {
    return frozenClock;
  }

  /**
   * Returns the store's connection, opened on first use with the command timeout; it closes the
   * client too when the provider created it.
   */
  LazyConnection<String, String> connection(Function<String, RuntimeException> failure) {
    return connection(StringCodec.UTF8, failure);
  }

  /**
   * Returns a connection as {@link #connection(Function)} does, with keys and values by {@code
   * codec}.
   */
  <K, V> LazyConnection<K, V> connection(
      RedisCodec<K, V> codec, Function<String, RuntimeException> failure) {
    return new LazyConnection<>(client, ownsClient, commandTimeout, failure, codec);
  }

  /** Throws {@link IllegalStateException} naming {@code setting} if it was already set. */
  static void once(boolean set, String setting) {
    if (set) {
      throw new IllegalStateException(setting + " was already set");
    }
  }

  /**
   * Returns {@code value} if from 1 ms to 10 minutes.
   *
   * @throws IllegalArgumentException naming {@code name} otherwise
   */
  static Duration checkedDuration(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          name + " must be between 1 ms and 10 minutes, was " + value);
    }
    return value;
  }
}
