package dev.tdeveloper.backend.redis.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The connection settings every builder of this backend shares: client, key prefix, command timeout
 * and the frozen test clock. The key prefix and command timeout may be set once; a second call
 * throws {@link IllegalStateException}. Not thread-safe, like the builders that hold it.
 */
public final class ConnectionOptions {
  private static final int MAX_PREFIX_LENGTH = 64;

  private RedisClient client;
  private final boolean ownsClient;
  private final int minPrefixLength;
  private String keyPrefix;
  private Duration commandTimeout;
  private LongSupplier frozenClock;
  private boolean prefixSet;
  private boolean timeoutSet;

  /**
   * Creates the options with their defaults.
   *
   * @param client the user's client, or null when a provider sets the one it creates with {@link
   *     #client}
   * @param ownsClient whether the component shuts the client down when it closes
   * @param minPrefixLength 0 if the key prefix may be empty, else 1
   */
  public ConnectionOptions(
      RedisClient client,
      boolean ownsClient,
      String defaultPrefix,
      Duration defaultTimeout,
      int minPrefixLength) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.keyPrefix = Objects.requireNonNull(defaultPrefix, "defaultPrefix");
    this.commandTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    this.minPrefixLength = minPrefixLength;
  }

  /**
   * Sets the prefix of every Redis key.
   *
   * @throws IllegalArgumentException if shorter than the minimum, longer than 64 characters or
   *     holding braces or whitespace (a brace would change the keys' cluster hash tag)
   * @throws IllegalStateException if already set
   */
  public void keyPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    once(prefixSet, "keyPrefix");
    if (prefix.length() < minPrefixLength
        || prefix.length() > MAX_PREFIX_LENGTH
        || !prefix.matches("[^{}\\s]*")) {
      throw new IllegalArgumentException(
          "keyPrefix must be "
              + minPrefixLength
              + " to "
              + MAX_PREFIX_LENGTH
              + " characters without braces or whitespace, was '"
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
  public void commandTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    once(timeoutSet, "commandTimeout");
    commandTimeout = checkedDuration("commandTimeout", timeout);
    timeoutSet = true;
  }

  /** Tests only: the clock the scripts decide by instead of the server's {@code TIME}. */
  public void frozenClock(LongSupplier clock) {
    frozenClock = Objects.requireNonNull(clock, "clock");
  }

  /** For a provider: the client it created, once every setting is known to be valid. */
  public void client(RedisClient created) {
    client = Objects.requireNonNull(created, "client");
  }

  /** Returns the key prefix. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** Returns the command timeout. */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** Returns the frozen test clock, or empty for the server's {@code TIME}. */
  public Optional<LongSupplier> frozenClock() {
    return Optional.ofNullable(frozenClock);
  }

  /**
   * Returns the component's string connection, opened on first use with the command timeout; it
   * closes the client too when the provider created it.
   *
   * @param failure makes the component's exception for a message (closed, still connecting)
   */
  public LazyConnection<String, String> connection(
      Function<String, ? extends RuntimeException> failure) {
    return connection(StringCodec.UTF8, failure);
  }

  /** Returns a connection as {@link #connection(Function)} does, with keys and values by codec. */
  public <K, V> LazyConnection<K, V> connection(
      RedisCodec<K, V> codec, Function<String, ? extends RuntimeException> failure) {
    if (client == null) {
      throw new IllegalStateException("no RedisClient: the provider must set the one it created");
    }
    return new LazyConnection<>(client, ownsClient, commandTimeout, failure, codec);
  }

  /** Throws {@link IllegalStateException} naming {@code setting} if it was already set. */
  public static void once(boolean set, String setting) {
    if (set) {
      throw new IllegalStateException(setting + " was already set");
    }
  }

  /**
   * Returns {@code value} if from 1 ms to 10 minutes.
   *
   * @throws IllegalArgumentException naming {@code name} otherwise
   */
  public static Duration checkedDuration(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          name + " must be between 1 ms and 10 minutes, was " + value);
    }
    return value;
  }
}
