package dev.tdeveloper.backend.redis.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.RedisCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One multiplexed connection of a component, opened on first use (so a service can start while
 * Redis is down) with the component's command timeout; callers arriving while it opens wait up to
 * that timeout. Lettuce reconnects it by itself afterwards. Thread-safe.
 *
 * @param <K> the codec's key type
 * @param <V> the codec's value type
 */
public final class LazyConnection<K, V> implements AutoCloseable {
  private final RedisClient client;
  private final boolean ownsClient;
  private final Duration timeout;
  private final Function<String, ? extends RuntimeException> failure;
  private final RedisCodec<K, V> codec;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile StatefulRedisConnection<K, V> connection;
  private volatile boolean closed;

  /**
   * Creates the connection, not yet open.
   *
   * @param client the client to connect with
   * @param ownsClient whether {@link #close()} shuts the client down too
   * @param timeout the command timeout, also the longest wait for the connection to open
   * @param failure makes the component's exception for a message (closed, still connecting)
   * @param codec encodes keys and values
   */
  public LazyConnection(
      RedisClient client,
      boolean ownsClient,
      Duration timeout,
      Function<String, ? extends RuntimeException> failure,
      RedisCodec<K, V> codec) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.timeout = timeout;
    this.failure = failure;
    this.codec = codec;
  }

  /**
   * Returns the open connection, opening it if needed.
   *
   * @throws RuntimeException {@code failure}'s if closed, or still opening after the timeout
   */
  public StatefulRedisConnection<K, V> get() {
    StatefulRedisConnection<K, V> c = connection;
    if (c != null && !closed) {
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

  /**
   * Runs {@code command} on the connection; a failure that {@code passes} is rethrown as it is, any
   * other becomes {@code wrap}'s.
   */
  public <T> T call(
      Function<RedisCommands<K, V>, T> command,
      Predicate<RuntimeException> passes,
      Function<RuntimeException, ? extends RuntimeException> wrap) {
    try {
      checkOpen();
      return command.apply(get().sync());
    } catch (RuntimeException e) {
      if (passes.test(e)) {
        throw e;
      }
      throw wrap.apply(e);
    }
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Throws {@code failure}'s exception if closed. */
  public void checkOpen() {
    if (closed) {
      throw failure.apply("closed");
    }
  }

  /** Closes the connection, and the client if the component owns it. Idempotent. */
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
