package dev.tdeveloper.backend.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** What the contract kit does not cover, on both local S3 servers. */
class S3BackupStoreTest {
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final String ID = "ab".repeat(32);

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void uploadsALargeChunkInPartsAndReadsItBackWhole(S3ServerKind kind) {
    ConcurrentLinkedQueue<Integer> parts = new ConcurrentLinkedQueue<>();
    S3BackupStoreBuilder builder =
        TestBuckets.store(kind)
            .partSize(S3BackupStoreBuilder.MIN_PART_SIZE)
            .multipartThreshold(S3BackupStoreBuilder.MIN_PART_SIZE)
            .partParallelism(3)
            .afterPart(parts::add);
    byte[] large = random(2 * S3BackupStoreBuilder.MIN_PART_SIZE + 12_345, 1);
    try (S3BackupStore store = builder.build()) {
      store.putChunk(ACME, ID, large);
      assertThat(parts).containsExactlyInAnyOrder(1, 2, 3);
      assertThat(store.getChunk(ACME, ID)).isEqualTo(large);
      List<String> ids = new ArrayList<>();
      store.listChunks(ACME, ids::add);
      assertThat(ids).containsExactly(ID);
    }
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void aChunkChangedInTheBucketFailsItsHashOnRead(S3ServerKind kind) {
    try (S3BackupStore store = TestBuckets.store(kind).build()) {
      store.putChunk(ACME, ID, random(1000, 2));
      String key = ACME.key() + "/chunks/" + ID;
      S3Client s3 = TestBuckets.client(kind);
      HeadObjectResponse head = s3.headObject(b -> b.bucket(store.bucket()).key(key));
      s3.putObject(
          b -> b.bucket(store.bucket()).key(key).metadata(head.metadata()),
          RequestBody.fromBytes(random(1000, 3)));
      assertThatThrownBy(() -> store.getChunk(ACME, ID))
          .isInstanceOfSatisfying(
              S3ObjectCorruptException.class,
              e -> {
                assertThat(e.bucket()).isEqualTo(store.bucket());
                assertThat(e.key()).isEqualTo(key);
              })
          .hasMessageContaining("SHA-256");
      s3.putObject(b -> b.bucket(store.bucket()).key(key), RequestBody.fromBytes(new byte[3]));
      assertThatThrownBy(() -> store.getChunk(ACME, ID))
          .isInstanceOf(S3ObjectCorruptException.class)
          .hasMessageContaining("no tdeveloper-sha256");
    }
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void aTenantWhoseIdExtendsAnothersNeverSeesItsObjects(S3ServerKind kind) {
    BackupScope a = BackupScope.of(TenantId.of("a"));
    BackupScope ab = BackupScope.of(TenantId.of("a-b"));
    try (S3BackupStore store = TestBuckets.store(kind).build()) {
      store.putChunk(ab, ID, new byte[] {1});
      store.publishManifest(ab, "m1", new byte[] {2});
      assertThat(store.hasChunk(a, ID)).isFalse();
      List<String> ids = new ArrayList<>();
      store.listChunks(a, ids::add);
      assertThat(ids).isEmpty();
      assertThat(store.manifests(a)).isEmpty();
      store.deleteChunk(a, ID);
      store.deleteManifest(a, "m1");
      assertThat(store.getChunk(ab, ID)).containsExactly(1);
      assertThat(store.scopes()).containsExactly(ab);
      store.putChunk(a, ID, new byte[] {3});
      assertThat(store.scopes()).containsExactly(a, ab);
    }
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void storesUnderDistinctRootPrefixesNeverSeeEachOther(S3ServerKind kind) {
    String bucket = TestBuckets.newBucket(kind, false);
    boolean checksums = kind.shared().features().flexibleChecksums();
    try (S3BackupStore one = storeAt(kind, bucket, "one/", checksums);
        S3BackupStore two = storeAt(kind, bucket, "two/", checksums)) {
      one.putChunk(ACME, ID, new byte[] {1});
      one.publishManifest(ACME, "b1", new byte[] {1});
      assertThat(two.hasChunk(ACME, ID)).isFalse();
      assertThat(two.manifests(ACME)).isEmpty();
      assertThat(two.scopes()).isEmpty();
      two.publishManifest(ACME, "b1", new byte[] {2});
      assertThat(one.manifest(ACME, "b1").orElseThrow()).containsExactly(1);
    }
  }

  private static S3BackupStore storeAt(
      S3ServerKind kind, String bucket, String prefix, boolean checksums) {
    return S3BackupStore.builder()
        .client(TestBuckets.client(kind))
        .bucket(bucket)
        .rootPrefix(prefix)
        .serverChecksums(checksums)
        .build();
  }
}
