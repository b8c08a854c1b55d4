package dev.tdeveloper.backend.aws.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.s3.LocalS3Mock;
import dev.tdeveloper.aws.testkit.s3.S3Clients;
import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The {@code aws-s3} checkpoint anchor found through {@code ServiceLoader}, against S3Mock; the SDK
 * takes its credentials from the default chain, here the {@code aws.accessKeyId} system properties.
 */
class S3AuditCheckpointAnchorProviderTest {
  private static final CheckpointSigner SIGNER = CheckpointSigner.generate("audit.example/p");

  @BeforeEach
  void credentials() {
    System.setProperty("aws.accessKeyId", S3Clients.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", S3Clients.SECRET_ACCESS_KEY);
  }

  @AfterEach
  void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  private static Map<String, String> settings(String... more) {
    Map<String, String> config = new HashMap<>();
    config.put("bucket", AnchorBuckets.bucket(S3ServerKind.S3MOCK));
    config.put("region", S3Clients.REGION);
    config.put("endpoint", LocalS3Mock.shared().endpoint().toString());
    for (int i = 0; i < more.length; i += 2) {
      config.put(more[i], more[i + 1]);
    }
    return config;
  }

  private static String checkpoint(long size) {
    byte[] root = MerkleHashes.leaf(Long.toString(size).getBytes(StandardCharsets.UTF_8));
    return SIGNER.sign(Checkpoint.of("audit.example/p", size, root));
  }

  @Test
  void theProviderBuildsAWorkingAnchorWithItsSettings() {
    String prefix = "log-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    Map<String, String> config =
        settings("prefix", prefix, "sse", "s3", "api-call-timeout", "PT30S");
    String note = checkpoint(12);
    try (CheckpointAnchor anchor = CheckpointAnchor.fromProviders(Optional.of("aws-s3"), config)) {
      assertThat(anchor).isInstanceOf(S3AuditCheckpointAnchor.class);
      assertThat(anchor.latest()).isEmpty();
      anchor.publish(checkpoint(5));
      anchor.publish(note);
      assertThatThrownBy(() -> anchor.publish(checkpoint(11)))
          .isInstanceOf(CheckpointException.class);
      assertThat(anchor.toString()).doesNotContain(S3Clients.SECRET_ACCESS_KEY);
    }
    try (CheckpointAnchor again = CheckpointAnchor.fromProviders(Optional.of("aws-s3"), config)) {
      assertThat(again.latest()).contains(note);
      String key = ((S3AuditCheckpointAnchor) again).keyOf(12);
      assertThat(key).startsWith(prefix + "checkpoints/");
      assertThat(
              AnchorBuckets.client(S3ServerKind.S3MOCK)
                  .headObject(b -> b.bucket(config.get("bucket")).key(key))
                  .serverSideEncryption())
          .isEqualTo(ServerSideEncryption.AES256);
    }
  }

  @Test
  void withTheLocalDefaultOnTheClassPathANameIsNeeded() {
    assertThatThrownBy(() -> CheckpointAnchor.fromProviders(Optional.empty(), settings()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("several CheckpointAnchorProviders")
        .hasMessageContaining("aws-s3")
        .hasMessageContaining("file");
  }

  @Test
  void badSettingsAreRejectedNamingTheSettingAndValue() {
    assertThatThrownBy(
            () ->
                CheckpointAnchor.fromProviders(
                    Optional.of("aws-s3"), settings("part-size", "5242880")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the aws-s3 checkpoint anchor has no setting 'part-size'")
        .hasMessageContaining("object-lock-mode");
    assertThatThrownBy(
            () ->
                CheckpointAnchor.fromProviders(
                    Optional.of("aws-s3"),
                    settings("object-lock-mode", "compliance", "object-lock-retention", "P0D")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("object-lock-retention 'P0D'");
    assertThatThrownBy(
            () -> CheckpointAnchor.fromProviders(Optional.of("aws-s3"), settings("prefix", "/x/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix '/x/'");
    Map<String, String> noBucket = settings();
    noBucket.remove("bucket");
    assertThatThrownBy(() -> CheckpointAnchor.fromProviders(Optional.of("aws-s3"), noBucket))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the aws-s3 checkpoint anchor needs the setting bucket");
  }
}
