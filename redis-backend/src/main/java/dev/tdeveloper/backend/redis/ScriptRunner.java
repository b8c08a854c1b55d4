package dev.tdeveloper.backend.redis;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.function.Function;

/**
 * A store's lazily opened connection and its Lua script: runs the script, or another command, on
 * the connection and turns Redis failures into the store's exception {@code E}. Thread-safe.
 *
 * @param <E> the store's exception
 */
final class ScriptRunner<E extends RuntimeException> implements AutoCloseable {
  private final LazyConnection<String, String> connection;
  private final LuaScript script;
  private final Class<E> failureType;

  /**
   * @param scriptName the script's resource next to this class
   * @param failure makes the store's exception for a message (closed, still connecting)
   */
  ScriptRunner(
      RedisOptions options, String scriptName, Class<E> failureType, Function<String, E> failure) {
    this.connection = options.connection(failure::apply);
    this.script = LuaScript.load(scriptName);
    this.failureType = failureType;
  }

  /**
   * Runs the script on {@code keys} (of one hash slot); a failure that is not already an {@code E}
   * becomes {@code wrap}'s.
   */
  List<Object> run(String[] keys, String[] args, Function<RuntimeException, E> wrap) {
    return call(redis -> script.run(redis, keys, args), wrap);
  }

  /**
   * Runs the script on one key, leaving failures as they are (for a caller with its own policy).
   */
  List<Object> run(String key, String[] args) {
    connection.checkOpen();
    return script.run(connection.get().sync(), key, args);
  }

  /** Runs {@code command}; a failure that is not already an {@code E} becomes {@code wrap}'s. */
  <T> T call(
      Function<RedisCommands<String, String>, T> command, Function<RuntimeException, E> wrap) {
    try {
      connection.checkOpen();
      return command.apply(connection.get().sync());
    } catch (RuntimeException e) {
      if (failureType.isInstance(e)) {
        throw e;
      }
      throw wrap.apply(e);
    }
  }

  /** Throws the store's exception if closed. */
  void checkOpen() {
    connection.checkOpen();
  }

  boolean isClosed() {
    return connection.isClosed();
  }

  /** Closes the connection, and the client if the store owns it. Idempotent. */
  @Override
  public void close() {
    connection.close();
  }
}
