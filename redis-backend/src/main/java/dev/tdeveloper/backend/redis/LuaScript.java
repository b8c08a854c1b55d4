package dev.tdeveloper.backend.redis;

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

/**
 * A Lua script of this package, run by {@code EVALSHA}; when the server does not know it (after a
 * restart or {@code SCRIPT FLUSH}) one {@code EVAL} runs it and caches it again. Immutable.
 */
final class LuaScript {
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

  /** Reads {@code name} from this package's resources. */
  static LuaScript load(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to LuaScript");
      }
      return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Returns the script's SHA-1, as {@code SCRIPT LOAD} answers it. */
  String sha1() {
    return sha1;
  }

  /** Runs the script on one key; the answer is a list of integers (possibly empty). */
  List<Object> run(RedisCommands<String, String> redis, String key, String[] args) {
    return run(redis, new String[] {key}, args);
  }

  /** Runs the script on several keys (of one hash slot); the answer is a list of integers. */
  <K, V> List<Object> run(RedisCommands<K, V> redis, K[] keys, V[] args) {
    try {
      return redis.evalsha(sha1, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(source, ScriptOutputType.MULTI, keys, args);
    }
  }
}
