package dev.tdeveloper.backend.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.redis.TestClient;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LuaScript#runForIntegers}: the dispatched command and its unboxed answer. */
@ExtendWith(LocalRedisExtension.class)
class LuaScriptTest {
  private static final LuaScript ANSWERS = LuaScript.load(LuaScriptTest.class, "answers.lua");
  private static final byte[] KEY = "tdev:test:{answers}".getBytes(StandardCharsets.UTF_8);
  private static TestClient redis;
  private static StatefulRedisConnection<byte[], byte[]> connection;

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
    connection = redis.client.connect(ByteArrayCodec.INSTANCE);
    connection.setTimeout(Duration.ofSeconds(10));
  }

  @AfterAll
  static void disconnect() {
    connection.close();
    redis.close();
  }

  private static long[] run(String... args) {
    byte[][] bytes = new byte[args.length][];
    for (int i = 0; i < args.length; i++) {
      bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
    }
    return ANSWERS.runForIntegers(connection, KEY, bytes);
  }

  @Test
  void readsAFlatArrayOfIntegers() {
    assertThat(run("integers", "-9007199254740993"))
        .containsExactly(1, -2, 3_000_000_000L, -9_007_199_254_740_992L);
  }

  @Test
  void answersNullForAnythingButAFlatArrayOfIntegers() {
    assertThat(run("string")).isNull();
    assertThat(run("mixed")).isNull();
    assertThat(run("nested")).isNull();
    assertThat(run("empty")).isEmpty();
  }

  @Test
  void anErrorAnswerThrowsAsTheSynchronousApiDoes() {
    assertThatThrownBy(() -> run("error"))
        .isInstanceOf(RedisCommandExecutionException.class)
        .hasMessageContaining("refused on purpose");
  }

  @Test
  void loadsTheScriptAgainWhenTheServerForgotIt() {
    redis.redis().scriptFlush();
    assertThat(run("integers", "7")).containsExactly(1, -2, 3_000_000_000L, 7);
    assertThat(redis.redis().scriptExists(ANSWERS.sha1())).containsExactly(true);
  }
}
