package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.distribution.DistributionException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One component's connection: binary-safe ({@code byte[]} keys and values), opened on first use so
 * a service can start while Redis is down, with the component's command timeout; Lettuce reconnects
 * it by itself. Every Redis failure becomes a {@link RedisDistributionException} naming the
 * component and the operation. Thread-safe.
 */
final class RedisLink implements AutoCloseable {
  private final RedisClient client;
  private final boolean ownsClient;
  private final Duration timeout;
  private final String component;
  private volatile StatefulRedisConnection<byte[], byte[]> connection;
  private volatile boolean closed;

  /**
   * @param component names the component in messages, e.g. {@code Redis edge cache 'tdev:edge:'}
   */
  RedisLink(RedisClient client, boolean ownsClient, Duration timeout, String component) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.timeout = timeout;
    this.component = component;
  }

  private RedisCommands<byte[], byte[]> commands(String operation) {
    StatefulRedisConnection<byte[], byte[]> open = connection;
    if (open != null && !closed) {
      return open.sync();
    }
    synchronized (this) {
      if (closed) {
        throw new RedisDistributionException(component + ": " + operation + ": closed", null);
      }
      if (connection == null) {
        StatefulRedisConnection<byte[], byte[]> opened = client.connect(ByteArrayCodec.INSTANCE);
        opened.setTimeout(timeout);
        connection = opened;
      }
      return connection.sync();
    }
  }

  /**
   * Runs {@code command}; a driver failure becomes a {@link RedisDistributionException}, while the
   * component's own {@link DistributionException}s and argument errors pass through.
   */
  <T> T call(String operation, Function<RedisCommands<byte[], byte[]>, T> command) {
    try {
      return command.apply(commands(operation));
    } catch (DistributionException | IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RedisDistributionException(
          component + ": " + operation + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code script} on keys of one hash slot. */
  List<Object> run(String operation, Script script, byte[][] keys, byte[]... args) {
    return call(operation, redis -> script.run(redis, keys, args));
  }

  /** Closes the connection, and the client when the provider created it. Idempotent. */
  @Override
  public synchronized void close() {
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
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(long number) {
    return bytes(Long.toString(number));
  }

  static String text(Object reply) {
    return reply == null ? null : new String((byte[]) reply, StandardCharsets.UTF_8);
  }
}
