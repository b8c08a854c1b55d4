package dev.tdeveloper.backend.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.s3.LocalS3Mock;
import dev.tdeveloper.aws.testkit.s3.S3Clients;
import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.backend.aws.s3.internal.ProviderSettings;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The {@code aws-s3} backup store found through {@code ServiceLoader}, against S3Mock; the SDK
 * takes its credentials from the default chain, here the {@code aws.accessKeyId} system properties.
 */
class S3BackupStoreProviderTest {
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final int MIB = 1024 * 1024;

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

  /** Settings for a new bucket on S3Mock, plus {@code more} key-value pairs. */
  private static Map<String, String> settings(String... more) {
    return settingsFor(TestBuckets.newBucket(S3ServerKind.S3MOCK, false), more);
  }

  /** Settings for {@code bucket} on S3Mock, plus {@code more} key-value pairs. */
  private static Map<String, String> settingsFor(String bucket, String... more) {
    Map<String, String> config = new HashMap<>();
    config.put("bucket", bucket);
    config.put("region", S3Clients.REGION);
    config.put("endpoint", LocalS3Mock.shared().endpoint().toString());
    for (int i = 0; i < more.length; i += 2) {
      config.put(more[i], more[i + 1]);
    }
    return config;
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theProviderBuildsAWorkingStoreWithItsSettings() {
    Map<String, String> config =
        settings(
            "prefix", "svc/",
            "sse", "s3",
            "part-size", Integer.toString(5 * MIB),
            "multipart-threshold", Integer.toString(5 * MIB),
            "part-parallelism", "2",
            "io-concurrency", "3",
            "memory-budget", Integer.toString(10 * MIB),
            "api-call-timeout", "PT60S");
    byte[] large = new byte[6 * MIB];
    new Random(7).nextBytes(large);
    String largeId = sha256Hex(large);
    String smallId = "ab".repeat(32);
    try (BackupStore store = BackupStore.fromProviders(Optional.of("aws-s3"), config)) {
      assertThat(store).isInstanceOf(S3BackupStore.class);
      assertThat(store.ioConcurrency()).isEqualTo(3);
      store.putChunk(ACME, smallId, new byte[] {1, 2, 3});
      store.putChunk(ACME, largeId, large);
      store.publishManifest(ACME, "b1", new byte[] {9});
      assertThat(store.getChunk(ACME, smallId)).containsExactly(1, 2, 3);
      assertThat(store.getChunk(ACME, largeId)).isEqualTo(large);
      assertThat(store.manifests(ACME)).containsExactly("b1");
      assertThat(store.scopes()).containsExactly(ACME);
      assertThat(store.toString())
          .contains("s3://" + config.get("bucket") + "/svc/")
          .doesNotContain(S3Clients.SECRET_ACCESS_KEY);
    }
    var s3 = TestBuckets.client(S3ServerKind.S3MOCK);
    List<String> keys =
        s3.listObjectsV2(b -> b.bucket(config.get("bucket"))).contents().stream()
            .map(S3Object::key)
            .toList();
    assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith("svc/"));
    // S3Mock answers HEAD of a completed multipart object without its SSE (its create and complete
    // answers carry AES256), so the single put is where SSE-S3 can be seen.
    assertThat(
            s3.headObject(
                    b ->
                        b.bucket(config.get("bucket"))
                            .key("svc/" + ACME.key() + "/chunks/" + smallId))
                .serverSideEncryption())
        .isEqualTo(ServerSideEncryption.AES256);
  }

  @Test
  void withTheLocalDefaultOnTheClassPathANameIsNeeded() {
    assertThatThrownBy(
            () -> BackupStore.fromProviders(Optional.empty(), settingsFor("never-created")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("several BackupStoreProviders")
        .hasMessageContaining("aws-s3")
        .hasMessageContaining("file");
  }

  @Test
  void objectLockAndEncryptionSettingsMapToTheBuilderOptions() {
    assertThat(
            ProviderSettings.objectLock(
                Map.of("object-lock-mode", "compliance", "object-lock-retention", "P35D")))
        .contains(new ObjectLock(ObjectLock.Mode.COMPLIANCE, Duration.ofDays(35)));
    assertThat(
            ProviderSettings.objectLock(
                Map.of("object-lock-mode", "governance", "object-lock-retention", "PT1H")))
        .contains(new ObjectLock(ObjectLock.Mode.GOVERNANCE, Duration.ofHours(1)));
    assertThat(ProviderSettings.objectLock(Map.of())).isEmpty();
    assertThat(ProviderSettings.encryption(Map.of()))
        .isEqualTo(dev.tdeveloper.backend.aws.s3.ServerSideEncryption.none());
    assertThat(ProviderSettings.encryption(Map.of("sse", "kms", "sse-kms-key-id", "alias/b")))
        .isEqualTo(dev.tdeveloper.backend.aws.s3.ServerSideEncryption.kms("alias/b"));
  }

  @Test
  void sseKmsWithAKeyTheServerDoesNotKnowFailsOnPut() {
    try (BackupStore store =
            BackupStore.fromProviders(
                Optional.of("aws-s3"), settings("sse", "kms", "sse-kms-key-id", "no-such-key"));
        BackupStore good =
            BackupStore.fromProviders(
                Optional.of("aws-s3"),
                settings("sse", "kms", "sse-kms-key-id", LocalS3Mock.VALID_KMS_KEY_ID))) {
      assertThatThrownBy(() -> store.putChunk(ACME, "ab".repeat(32), new byte[] {1}))
          .isInstanceOf(dev.tdeveloper.dr.DrException.class);
      good.putChunk(ACME, "ab".repeat(32), new byte[] {1});
      assertThat(good.getChunk(ACME, "ab".repeat(32))).containsExactly(1);
    }
  }

  @Test
  void badSettingsAreRejectedNamingTheSettingAndValue() {
    Map<String[], String[]> cases = new java.util.LinkedHashMap<>();
    cases.put(new String[] {"colour", "red"}, new String[] {"no setting 'colour'", "part-size"});
    cases.put(new String[] {"sse", "aes"}, new String[] {"sse 'aes'", "none, s3 or kms"});
    cases.put(new String[] {"sse", "kms"}, new String[] {"sse-kms-key-id"});
    cases.put(new String[] {"sse-kms-key-id", "k"}, new String[] {"sse-kms-key-id", "sse=kms"});
    cases.put(
        new String[] {"object-lock-mode", "compliance"}, new String[] {"object-lock-retention"});
    cases.put(
        new String[] {"object-lock-mode", "strict", "object-lock-retention", "P1D"},
        new String[] {"object-lock-mode 'strict'", "governance or compliance"});
    cases.put(
        new String[] {"object-lock-mode", "governance", "object-lock-retention", "35 days"},
        new String[] {"object-lock-retention '35 days'", "ISO-8601"});
    cases.put(
        new String[] {"object-lock-mode", "governance", "object-lock-retention", "P40000D"},
        new String[] {"object-lock-retention 'P40000D'"});
    cases.put(new String[] {"part-size", "1024"}, new String[] {"part-size '1024'", "5 MiB"});
    cases.put(new String[] {"part-size", "big"}, new String[] {"part-size 'big'", "whole number"});
    cases.put(new String[] {"part-parallelism", "65"}, new String[] {"part-parallelism '65'"});
    cases.put(new String[] {"io-concurrency", "257"}, new String[] {"io-concurrency '257'"});
    cases.put(new String[] {"io-concurrency", "0"}, new String[] {"io-concurrency '0'"});
    cases.put(
        new String[] {"conditional-writes", "maybe"},
        new String[] {"conditional-writes 'maybe'", "true or false"});
    cases.put(new String[] {"memory-budget", "-1"}, new String[] {"memory-budget '-1'"});
    cases.put(
        new String[] {"memory-budget", Integer.toString(MIB)},
        new String[] {"memory-budget " + MIB, "part-size"});
    cases.put(
        new String[] {"multipart-threshold", Integer.toString(MIB)},
        new String[] {"multipart-threshold " + MIB, "part-size"});
    cases.put(new String[] {"server-checksums", "yes"}, new String[] {"server-checksums 'yes'"});
    cases.put(new String[] {"api-call-timeout", "PT0S"}, new String[] {"api-call-timeout 'PT0S'"});
    cases.put(new String[] {"prefix", "a b/"}, new String[] {"prefix 'a b/'"});
    cases.put(new String[] {"region", "Mars"}, new String[] {"region 'Mars'"});
    cases.put(new String[] {"endpoint", "ftp://x"}, new String[] {"endpoint 'ftp://x'"});
    cases.put(new String[] {"bucket", "No_Bucket"}, new String[] {"bucket 'No_Bucket'"});
    cases.forEach(
        (setting, expected) ->
            assertThatThrownBy(
                    () ->
                        BackupStore.fromProviders(
                            Optional.of("aws-s3"), settingsFor("never-created", setting)))
                .as(String.join("=", setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(expected));
    Map<String, String> noBucket = settingsFor("never-created");
    noBucket.remove("bucket");
    assertThatThrownBy(() -> BackupStore.fromProviders(Optional.of("aws-s3"), noBucket))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the aws-s3 backup store needs the setting bucket");
  }
}
