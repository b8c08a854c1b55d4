package dev.tdeveloper.backend.redis.internal;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A Lua script run by {@code EVALSHA}; when the server does not know it (after a restart or {@code
 * SCRIPT FLUSH}) one {@code EVAL} runs it and caches it again. Every script of this backend answers
 * an array. Immutable and thread-safe.
 */
public final class LuaScript {
  /**
   * The key count of a one-key script, as the bulk string {@code 1} Lettuce would format each call.
   */
  private static final byte[] ONE_KEY = {'1'};

  private final String source;
  private final String sha1;
  private final byte[] sourceBytes;
  private final byte[] sha1Bytes;

  private LuaScript(String source) {
    this.source = source;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      this.sha1 = HexFormat.of().formatHex(digest);
      this.sourceBytes = source.getBytes(StandardCharsets.UTF_8);
      this.sha1Bytes = sha1.getBytes(StandardCharsets.US_ASCII);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /**
   * Reads the script {@code name} from the resources next to {@code anchor}.
   *
   * @throws IllegalStateException if there is no such resource
   */
  public static LuaScript load(Class<?> anchor, String name) {
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(name, "name");
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + name + " next to " + anchor.getSimpleName());
      }
      return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Returns the script's SHA-1, as {@code SCRIPT LOAD} answers it. */
  public String sha1() {
    return sha1;
  }

  /** Runs the script on {@code keys} (of one hash slot); the answer is a (possibly empty) list. */
  public <K, V> List<Object> run(RedisCommands<K, V> redis, K[] keys, V[] args) {
    try {
      return redis.evalsha(sha1, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(source, ScriptOutputType.MULTI, keys, args);
    }
  }

  /**
   * Runs the script on one key over a binary connection, for a script that answers a flat array of
   * integers: the command is dispatched directly (the script's SHA-1 encoded once, no proxy of the
   * synchronous API) and its answer read into a {@code long[]} without boxing. Waits up to the
   * connection's timeout, as the synchronous API does.
   *
   * @return the integers, or null when the script answered anything but a flat array of integers
   * @throws io.lettuce.core.RedisException as the synchronous API would: an error answer, a
   *     timeout, an interruption
   */
  public long[] runForIntegers(
      StatefulRedisConnection<byte[], byte[]> connection, byte[] key, byte[][] args) {
    try {
      return dispatch(connection, CommandType.EVALSHA, sha1Bytes, key, args);
    } catch (RedisNoScriptException e) {
      return dispatch(connection, CommandType.EVAL, sourceBytes, key, args);
    }
  }

  private static long[] dispatch(
      StatefulRedisConnection<byte[], byte[]> connection,
      CommandType type,
      byte[] script,
      byte[] key,
      byte[][] args) {
    CommandArgs<byte[], byte[]> arguments =
        new CommandArgs<>(ByteArrayCodec.INSTANCE)
            .add(script)
            .add(ONE_KEY)
            .addKey(key)
            .addValues(args);
    AsyncCommand<byte[], byte[], long[]> command =
        new AsyncCommand<>(new Command<>(type, new IntegerArrayOutput(), arguments));
    connection.dispatch(command);
    return LettuceFutures.awaitOrCancel(
        command, connection.getTimeout().toNanos(), TimeUnit.NANOSECONDS);
  }
}
