package dev.tdeveloper.backend.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.s3.LocalS3Mock;
import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Builder validation, encryption and Object Lock on put, and no secrets in failures. */
class S3BackupStoreOptionsTest {
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final String ID = "cd".repeat(32);

  private static HeadObjectResponse head(S3BackupStore store, BackupScope scope, String id) {
    return TestBuckets.client(S3ServerKind.S3MOCK)
        .headObject(b -> b.bucket(store.bucket()).key(scope.key() + "/chunks/" + id));
  }

  @Test
  void sseS3IsAppliedToEveryPutOnS3Mock() {
    try (S3BackupStore store =
        TestBuckets.store(S3ServerKind.S3MOCK)
            .encryption(dev.tdeveloper.backend.aws.s3.ServerSideEncryption.s3Managed())
            .build()) {
      store.putChunk(ACME, ID, new byte[] {1, 2});
      assertThat(head(store, ACME, ID).serverSideEncryption())
          .isEqualTo(ServerSideEncryption.AES256);
    }
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void sseKmsAndObjectLockGoOutOnEveryPutIncludingMultipart(S3ServerKind kind) {
    WireHeaders wire = new WireHeaders();
    Instant now = Instant.parse("2031-06-01T00:00:00Z");
    String bucket = TestBuckets.newBucket(kind, kind.shared().features().objectLock());
    try (S3Client s3 = wire.client(kind);
        S3BackupStore store =
            S3BackupStore.builder()
                .client(s3)
                .bucket(bucket)
                .serverChecksums(kind.shared().features().flexibleChecksums())
                .encryption(
                    dev.tdeveloper.backend.aws.s3.ServerSideEncryption.kms(
                        LocalS3Mock.VALID_KMS_KEY_ID))
                .objectLock(new ObjectLock(ObjectLock.Mode.GOVERNANCE, Duration.ofDays(30)))
                .clock(() -> now)
                .partSize(S3BackupStoreBuilder.MIN_PART_SIZE)
                .multipartThreshold(S3BackupStoreBuilder.MIN_PART_SIZE)
                .build()) {
      store.putChunk(ACME, ID, new byte[] {1, 2});
      String large = "ef".repeat(32);
      byte[] bytes = new byte[S3BackupStoreBuilder.MIN_PART_SIZE + 1];
      store.putChunk(ACME, large, bytes);
      assertThat(store.getChunk(ACME, large)).isEqualTo(bytes);
      List<WireHeaders.Sent> puts = new ArrayList<>(wire.of("PutObject"));
      puts.addAll(wire.of("CreateMultipartUpload"));
      assertThat(puts).hasSizeGreaterThanOrEqualTo(2);
      assertThat(wire.of("CreateMultipartUpload")).hasSize(1);
      for (WireHeaders.Sent put : puts) {
        assertThat(put.header("x-amz-server-side-encryption")).isEqualTo("aws:kms");
        assertThat(put.header("x-amz-server-side-encryption-aws-kms-key-id"))
            .isEqualTo(LocalS3Mock.VALID_KMS_KEY_ID);
        assertThat(put.header("x-amz-object-lock-mode")).isEqualTo("GOVERNANCE");
        assertThat(Instant.parse(put.header("x-amz-object-lock-retain-until-date")))
            .isEqualTo(now.plus(Duration.ofDays(30)));
      }
    }
  }

  @Test
  void s3MockRefusesAnUnknownKmsKeySoTheKeyIdReachesTheServer() {
    try (S3BackupStore store =
        TestBuckets.store(S3ServerKind.S3MOCK)
            .encryption(dev.tdeveloper.backend.aws.s3.ServerSideEncryption.kms("no-such-key"))
            .build()) {
      assertThatThrownBy(() -> store.putChunk(ACME, ID, new byte[] {1}))
          .isInstanceOf(DrException.class)
          .hasMessageContaining("cannot put")
          .rootCause()
          .hasMessageContaining("Invalid keyId 'no-such-key'");
      assertThat(store.hasChunk(ACME, ID)).isFalse();
    }
  }

  @Test
  void failuresNeverShowTheCredentials() {
    String secret = "wJalrXUtnFEMI-K7MDENG-not-a-real-secret";
    try (S3Client s3 =
        S3Client.builder()
            .endpointOverride(S3ServerKind.S3MOCK.shared().endpoint())
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", secret)))
            .build()) {
      S3BackupStore store = S3BackupStore.builder().client(s3).bucket("no-such-bucket").build();
      Throwable failure = null;
      try {
        store.putChunk(ACME, ID, new byte[] {1});
      } catch (DrException e) {
        failure = e;
      }
      assertThat(failure).isNotNull();
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
        assertThat(t.toString()).doesNotContain(secret);
      }
      assertThat(store.toString()).isEqualTo("S3BackupStore[s3://no-such-bucket/]");
    }
  }

  @Test
  void badSettingsFailNamingTheFieldAndValue() {
    assertThatThrownBy(() -> S3BackupStore.builder().partSize(5 * 1024 * 1024 - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partSize")
        .hasMessageContaining("5242879");
    assertThatThrownBy(() -> S3BackupStore.builder().rootPrefix("no-slash"))
        .hasMessageContaining("rootPrefix")
        .hasMessageContaining("no-slash");
    assertThatThrownBy(() -> S3BackupStore.builder().rootPrefix("a//b/"))
        .hasMessageContaining("//");
    assertThatThrownBy(() -> S3BackupStore.builder().partParallelism(0))
        .hasMessageContaining("partParallelism");
    assertThatThrownBy(() -> new ObjectLock(ObjectLock.Mode.COMPLIANCE, Duration.ZERO))
        .hasMessageContaining("retention");
    assertThatThrownBy(() -> dev.tdeveloper.backend.aws.s3.ServerSideEncryption.kms(" "))
        .hasMessageContaining("keyId");
    assertThatThrownBy(() -> S3BackupStore.builder().bucket("b").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucket");
    S3Client client = TestBuckets.client(S3ServerKind.S3MOCK);
    assertThatThrownBy(
            () ->
                S3BackupStore.builder()
                    .client(client)
                    .bucket("abc")
                    .partSize(S3BackupStoreBuilder.MIN_PART_SIZE)
                    .memoryBudget(1024)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("memoryBudget");
    assertThatThrownBy(() -> S3BackupStore.builder().client(client).client(client))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client");
    assertThatThrownBy(() -> S3BackupStore.builder().client(client).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bucket");
  }
}
