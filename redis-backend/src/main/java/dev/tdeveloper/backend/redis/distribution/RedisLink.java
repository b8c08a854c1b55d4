package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.internal.ConnectionOptions;
import dev.tdeveloper.backend.redis.internal.LazyConnection;
import dev.tdeveloper.backend.redis.internal.LuaScript;
import dev.tdeveloper.distribution.DistributionException;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * One component's connection: binary-safe ({@code byte[]} keys and values), opened on first use so
 * a service can start while Redis is down, with the component's command timeout; Lettuce reconnects
 * it by itself. Every Redis failure becomes a {@link RedisDistributionException} naming the
 * component and the operation. Thread-safe.
 */
final class RedisLink implements AutoCloseable {
  private final LazyConnection<byte[], byte[]> connection;
  private final String component;

  /**
   * @param component names the component in messages, e.g. {@code Redis edge cache 'tdev:edge:'}
   */
  RedisLink(ConnectionOptions options, String component) {
    this.component = component;
    this.connection =
        options.connection(
            ByteArrayCodec.INSTANCE,
            message -> new RedisDistributionException(component + ": " + message, null));
  }

  /**
   * Runs {@code command}; a driver failure becomes a {@link RedisDistributionException}, while the
   * component's own {@link DistributionException}s and argument errors pass through.
   */
  <T> T call(String operation, Function<RedisCommands<byte[], byte[]>, T> command) {
    if (connection.isClosed()) {
      throw new RedisDistributionException(component + ": " + operation + ": closed", null);
    }
    return connection.call(
        command,
        e -> e instanceof DistributionException || e instanceof IllegalArgumentException,
        e ->
            new RedisDistributionException(
                component + ": " + operation + " failed: " + e.getMessage(), e));
  }

  /** Runs {@code script} on keys of one hash slot. */
  List<Object> run(String operation, LuaScript script, byte[][] keys, byte[]... args) {
    return call(operation, redis -> script.run(redis, keys, args));
  }

  /** Closes the connection, and the client when the provider created it. Idempotent. */
  @Override
  public void close() {
    connection.close();
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
