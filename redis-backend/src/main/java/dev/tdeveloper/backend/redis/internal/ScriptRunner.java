package dev.tdeveloper.backend.redis.internal;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A component's lazily opened string connection and its Lua script: runs the script, or another
 * command, and turns Redis failures into the component's exception {@code E}. Thread-safe.
 *
 * @param <E> the component's exception
 */
public final class ScriptRunner<E extends RuntimeException> implements AutoCloseable {
  private final LazyConnection<String, String> connection;
  private final LuaScript script;
  private final Class<E> failureType;

  /**
   * Creates the runner; nothing connects until first use.
   *
   * @param failure makes the component's exception for a message (closed, still connecting)
   */
  public ScriptRunner(
      ConnectionOptions options,
      LuaScript script,
      Class<E> failureType,
      Function<String, E> failure) {
    this.connection = options.connection(failure);
    this.script = Objects.requireNonNull(script, "script");
    this.failureType = Objects.requireNonNull(failureType, "failureType");
  }

  /**
   * Runs the script on {@code keys} (of one hash slot); a failure that is not already an {@code E}
   * becomes {@code wrap}'s.
   */
  public List<Object> run(String[] keys, String[] args, Function<RuntimeException, E> wrap) {
    return call(redis -> script.run(redis, keys, args), wrap);
  }

  /**
   * Runs the script on one key, leaving failures as they are (for a caller with its own policy).
   */
  public List<Object> run(String key, String[] args) {
    connection.checkOpen();
    return script.run(connection.get().sync(), new String[] {key}, args);
  }

  /** Runs {@code command}; a failure that is not already an {@code E} becomes {@code wrap}'s. */
  public <T> T call(
      Function<RedisCommands<String, String>, T> command, Function<RuntimeException, E> wrap) {
    return connection.call(command, failureType::isInstance, wrap);
  }

  /** Throws the component's exception if closed. */
  public void checkOpen() {
    connection.checkOpen();
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return connection.isClosed();
  }

  /** Closes the connection, and the client if the component owns it. Idempotent. */
  @Override
  public void close() {
    connection.close();
  }
}
