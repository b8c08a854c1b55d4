package dev.tdeveloper.backend.aws.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.backend.aws.s3.ObjectLock;
import dev.tdeveloper.backend.aws.s3.WireHeaders;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointContinuity;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.CheckpointVerifier;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.audit.integrity.MerkleTree;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

class S3AuditCheckpointAnchorTest {
  private static final CheckpointSigner SIGNER = CheckpointSigner.generate("audit.example/s3");
  private static final CheckpointVerifier VERIFIER = CheckpointVerifier.of(SIGNER.verifierKey());

  private static MerkleTree treeOf(int entries, int rewritten) {
    MerkleTree tree = MerkleTree.inMemory();
    for (int i = 0; i < entries; i++) {
      String entry = i == rewritten ? "entry " + i + " (rewritten)" : "entry " + i;
      tree.append(MerkleHashes.leaf(entry.getBytes(StandardCharsets.UTF_8)));
    }
    return tree;
  }

  private static String checkpointOf(MerkleTree tree) {
    return SIGNER.sign(Checkpoint.of("audit.example/s3", tree.size(), tree.root()));
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void aRewrittenLogDisagreesWithTheAnchor(S3ServerKind kind) {
    CheckpointAnchor anchor = S3AuditCheckpointAnchorContractTests.newAnchor(kind);
    MerkleTree original = treeOf(40, -1);
    anchor.publish(checkpointOf(original));
    MerkleTree honest = treeOf(45, -1);
    MerkleTree rewritten = treeOf(45, 17);

    String anchored = anchor.latest().orElseThrow();
    assertThat(CheckpointContinuity.check(honest, anchored, VERIFIER).holds()).isTrue();
    CheckpointContinuity verdict = CheckpointContinuity.check(rewritten, anchored, VERIFIER);
    assertThat(verdict).isInstanceOf(CheckpointContinuity.Forked.class);
    assertThat(verdict.holds()).isFalse();
    assertThat(CheckpointContinuity.check(treeOf(30, -1), anchored, VERIFIER))
        .isInstanceOf(CheckpointContinuity.TailDeleted.class);
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void keepsEveryCheckpointAsItsOwnObjectAndAnotherInstanceSeesTheLatest(S3ServerKind kind) {
    String prefix = "shared-" + UUID.randomUUID() + "/";
    S3AuditCheckpointAnchor first = anchorAt(kind, prefix);
    first.publish(checkpointOf(treeOf(3, -1)));
    String latest = checkpointOf(treeOf(9, -1));
    first.publish(latest);
    S3AuditCheckpointAnchor second = anchorAt(kind, prefix);
    assertThat(second.latest()).contains(latest);
    assertThat(
            AnchorBuckets.client(kind)
                .listObjectsV2(b -> b.bucket(AnchorBuckets.bucket(kind)).prefix(prefix))
                .contents())
        .extracting(o -> o.key())
        .containsExactly(first.keyOf(9), first.keyOf(3));
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void aCheckpointChangedInTheBucketIsRefusedOnRead(S3ServerKind kind) {
    String prefix = "tamper-" + UUID.randomUUID() + "/";
    S3AuditCheckpointAnchor anchor = anchorAt(kind, prefix);
    String note = checkpointOf(treeOf(5, -1));
    anchor.publish(note);
    HeadObjectResponse head =
        AnchorBuckets.client(kind)
            .headObject(b -> b.bucket(AnchorBuckets.bucket(kind)).key(anchor.keyOf(5)));
    AnchorBuckets.client(kind)
        .putObject(
            b ->
                b.bucket(AnchorBuckets.bucket(kind)).key(anchor.keyOf(5)).metadata(head.metadata()),
            RequestBody.fromString(checkpointOf(treeOf(5, 2))));
    assertThatThrownBy(anchor::latest)
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining(anchor.keyOf(5))
        .hasMessageContaining("corrupt");
  }

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void everyCheckpointGoesOutWithComplianceRetention(S3ServerKind kind) {
    String bucket = "locked-" + UUID.randomUUID().toString().substring(0, 8);
    kind.shared().createBucket(bucket, kind.shared().features().objectLock());
    Instant now = Instant.parse("2031-01-01T00:00:00Z");
    WireHeaders wire = new WireHeaders();
    try (S3Client s3 = wire.client(kind);
        S3AuditCheckpointAnchor anchor =
            S3AuditCheckpointAnchor.builder()
                .client(s3)
                .bucket(bucket)
                .serverChecksums(kind.shared().features().flexibleChecksums())
                .objectLock(new ObjectLock(ObjectLock.Mode.COMPLIANCE, Duration.ofDays(365)))
                .clock(() -> now)
                .build()) {
      anchor.publish(checkpointOf(treeOf(4, -1)));
      anchor.publish(checkpointOf(treeOf(6, -1)));
      assertThat(wire.of("PutObject"))
          .hasSize(2)
          .allSatisfy(
              put -> {
                assertThat(put.header("x-amz-object-lock-mode")).isEqualTo("COMPLIANCE");
                assertThat(Instant.parse(put.header("x-amz-object-lock-retain-until-date")))
                    .isEqualTo(now.plus(Duration.ofDays(365)));
                assertThat(put.header("If-None-Match")).isEqualTo("*");
              });
    }
  }

  @Test
  void badSettingsFailNamingTheField() {
    assertThatThrownBy(() -> S3AuditCheckpointAnchor.builder().prefix("/abs/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix")
        .hasMessageContaining("/abs/");
    assertThatThrownBy(() -> S3AuditCheckpointAnchor.builder().bucket("Bad_Bucket"))
        .hasMessageContaining("bucket")
        .hasMessageContaining("Bad_Bucket");
    assertThatThrownBy(() -> S3AuditCheckpointAnchor.builder().bucket("abc").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client");
    assertThatThrownBy(() -> S3AuditCheckpointAnchor.builder().prefix("a/").prefix("b/"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("prefix");
  }

  private static S3AuditCheckpointAnchor anchorAt(S3ServerKind kind, String prefix) {
    return S3AuditCheckpointAnchor.builder()
        .client(AnchorBuckets.client(kind))
        .bucket(AnchorBuckets.bucket(kind))
        .prefix(prefix)
        .serverChecksums(kind.shared().features().flexibleChecksums())
        .build();
  }
}
