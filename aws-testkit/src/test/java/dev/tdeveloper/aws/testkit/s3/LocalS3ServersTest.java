package dev.tdeveloper.aws.testkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class LocalS3ServersTest {
  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void storesAndReturnsAnObjectOnLoopback(S3ServerKind kind) {
    LocalS3Server server = kind.shared();
    assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
    String bucket = "kit-" + UUID.randomUUID().toString().substring(0, 8);
    server.createBucket(bucket, false);
    try (S3Client s3 = server.client()) {
      s3.putObject(b -> b.bucket(bucket).key("a/b.txt"), RequestBody.fromString("hello"));
      assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("a/b.txt")).asUtf8String())
          .isEqualTo("hello");
      assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("a/")).contents()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void sharedReturnsTheSameRunningServer(S3ServerKind kind) {
    assertThat(kind.shared()).isSameAs(kind.shared());
    assertThat(kind.shared().toString()).contains("running").contains("127.0.0.1");
  }

  @Test
  void aMissingS3MockJarFailsNamingHowToFetchIt() {
    String before = System.getProperty(LocalS3Mock.JAR_PROPERTY);
    System.setProperty(LocalS3Mock.JAR_PROPERTY, "/nonexistent/s3mock.jar");
    try {
      assertThatThrownBy(LocalS3Mock::startNew)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(LocalS3Mock.JAR_PROPERTY)
          .hasMessageContaining("/nonexistent/s3mock.jar");
    } finally {
      if (before == null) {
        System.clearProperty(LocalS3Mock.JAR_PROPERTY);
      } else {
        System.setProperty(LocalS3Mock.JAR_PROPERTY, before);
      }
    }
  }

  @Test
  void closeStopsTheServerAndIsIdempotent() {
    LocalS3rver server = LocalS3rver.startNew();
    int port = server.endpoint().getPort();
    server.close();
    server.close();
    assertThat(server.toString()).contains("stopped");
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.getOutputStream().write(1);
              }
            })
        .isInstanceOf(IOException.class);
  }
}
