package dev.tdeveloper.backend.redis.distribution;

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
 * A Lua script of this package run by {@code EVALSHA}, falling back to one {@code EVAL} when the
 * server lost its script cache (a restart, {@code SCRIPT FLUSH}). Immutable and thread-safe.
 */
final class Script {
  private final String name;
  private final String source;
  private final String sha1;

  private Script(String name, String source) {
    this.name = name;
    this.source = source;
    try {
      this.sha1 =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-1")
                      .digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** Reads the script {@code name} from this package's resources. */
  static Script load(String name) {
    try (InputStream in = Script.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to Script");
      }
      return new Script(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  String name() {
    return name;
  }

  /** Runs the script; every script of this package answers an array. */
  List<Object> run(RedisCommands<byte[], byte[]> redis, byte[][] keys, byte[]... args) {
    try {
      return redis.evalsha(sha1, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(source, ScriptOutputType.MULTI, keys, args);
    }
  }
}
