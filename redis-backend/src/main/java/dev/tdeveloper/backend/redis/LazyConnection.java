package dev.tdeveloper.backend.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One multiplexed connection of a store, opened on first use (so a service can start while Redis is
 * down) with the store's command timeout; callers arriving while it opens wait up to that timeout.
 * Lettuce reconnects it by itself afterwards. Thread-safe.
 *
 * @param <K> the codec's key type
 * @param <V> the codec's value type
 */
final class LazyConnection<K, V> implements AutoCloseable {
  private final RedisClient client;
  private final boolean ownsClient;
  private final Duration timeout;
  private final Function<String, RuntimeException> failure;
  private final RedisCodec<K, V> codec;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile StatefulRedisConnection<K, V> connection;
  private volatile boolean closed;

  /**
   * @param failure makes the store's exception for a message (closed, still connecting)
   * @param codec encodes keys and values (the rate limiter sends binary arguments)
   */
  LazyConnection(
      RedisClient client,
      boolean ownsClient,
      Duration timeout,
      Function<String, RuntimeException> failure,
      RedisCodec<K, V> codec) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.timeout = timeout;
    this.failure = failure;
    this.codec = codec;
  }

  /** Returns the open connection, opening it if needed. */
  StatefulRedisConnection<K, V> get() {
    StatefulRedisConnection<K, V> c = connection;
    if (c != null) {
      return c;
    }
    try {
      if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw failure.apply("the connection to Redis was still being opened after " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure.apply("interrupted while connecting to Redis");
    }
    try {
      checkOpen();
      if (connection == null) {
        StatefulRedisConnection<K, V> opened = client.connect(codec);
        opened.setTimeout(timeout);
        connection = opened;
      }
      return connection;
    } finally {
      lock.unlock();
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Throws the store's exception if closed. */
  void checkOpen() {
    if (closed) {
      throw failure.apply("the store is closed");
    }
  }

  /** Closes the connection, and the client if the store owns it. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (connection != null) {
        connection.close();
      }
      if (ownsClient) {
        client.shutdown();
      }
    } finally {
      lock.unlock();
    }
  }
}
