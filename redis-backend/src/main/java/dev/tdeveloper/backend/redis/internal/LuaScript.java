package dev.tdeveloper.backend.redis.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A Lua script run by {@code EVALSHA}; when the server does not know it (after a restart or {@code
 * SCRIPT FLUSH}) one {@code EVAL} runs it and caches it again. Every script of this backend answers
 * an array. Immutable and thread-safe.
 */
public final class LuaScript {
  private final String source;
  private final String sha1;

  private LuaScript(String source) {
    this.source = source;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      this.sha1 = HexFormat.of().formatHex(digest);
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
}
