package dev.tdeveloper.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedis;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The test server starter of tenancy-testkit, exercised here where a Redis client is at hand. */
@ExtendWith(LocalRedisExtension.class)
class LocalRedisTest {

  @Test
  void theExtensionHandsOutTheSharedServer(LocalRedis redis, URI uri) {
    assertThat(redis).isSameAs(LocalRedis.shared());
    assertThat(uri).isEqualTo(redis.uri());
    assertThat(uri.toString()).startsWith("redis://127.0.0.1:");
    assertThat(redis.isRunning()).isTrue();
    assertThat(answersPing(redis.port())).isTrue();
  }

  @Test
  void stopsAndStartsTheSameServerOnTheSamePort() {
    try (LocalRedis redis = LocalRedis.startNew();
        TestClient client = new TestClient(redis.uri())) {
      int port = redis.port();
      client.redis().set("k", "v");
      redis.stop();
      assertThat(redis.isRunning()).isFalse();
      assertThat(answersPing(port)).isFalse();
      redis.stop();
      redis.start();
      assertThat(redis.port()).isEqualTo(port);
      assertThat(answersPing(port)).isTrue();
      assertThat(client.redis().get("k")).as("nothing is persisted").isNull();
      assertThat(client.redis().configGet("save")).containsEntry("save", "");
      assertThat(client.redis().configGet("appendonly")).containsEntry("appendonly", "no");
    }
  }

  @Test
  void closeStopsTheServerForGoodAndRemovesItsDirectory() {
    LocalRedis redis = LocalRedis.startNew();
    int port = redis.port();
    Path dir;
    try (TestClient client = new TestClient(redis.uri())) {
      dir = Path.of(client.redis().configGet("dir").get("dir"));
      assertThat(dir).isDirectory();
    }
    redis.close();
    redis.close();
    assertThat(answersPing(port)).isFalse();
    assertThat(dir).doesNotExist();
    assertThatThrownBy(redis::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void theServerDiesWithAJvmKilledWithoutShutdownHooks(@TempDir Path tmp) throws Exception {
    int port;
    try (ChildJvm child = ChildJvm.start(ServerOwner.class, tmp.resolve("child.err"))) {
      String line = child.nextLine(120);
      assertThat(line).as(child.errorOutput()).startsWith("port ");
      port = Integer.parseInt(line.substring(5));
      assertThat(answersPing(port)).isTrue();
      child.kill();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (answersPing(port)) {
      assertThat(System.nanoTime()).as("the orphaned server stops").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void aMissingBinaryFailsNamingIt() {
    String property = LocalRedis.BINARY_PROPERTY;
    System.setProperty(property, "/nonexistent/redis-server");
    try {
      assertThatThrownBy(LocalRedis::startNew)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("/nonexistent/redis-server is not an executable file");
    } finally {
      System.clearProperty(property);
    }
    assertThat(LocalRedis.DEBIAN_PACKAGE).isEqualTo("redis-server");
    assertThat(Files.isExecutable(Path.of("/bin/sh"))).isTrue();
  }

  /** The child: starts a server, prints its port and waits to be killed. */
  static final class ServerOwner {
    private ServerOwner() {}

    public static void main(String[] args) throws Exception {
      ChildJvm.exitWhenParentGoes();
      LocalRedis redis = LocalRedis.startNew();
      System.out.println("port " + redis.port());
      System.out.flush();
      new java.util.concurrent.CountDownLatch(1).await(); // until killed
    }
  }

  private static boolean answersPing(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }
}
