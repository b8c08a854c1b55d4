package dev.tdeveloper.backend.aws.audit;

import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.compliance.testkit.CheckpointAnchorContract;
import java.util.UUID;
import org.junit.jupiter.api.Nested;

/** compliance-testkit's {@link CheckpointAnchorContract} on both local S3 servers. */
class S3AuditCheckpointAnchorContractTests {
  /** A new anchor under a fresh prefix of a bucket shared by the class. */
  static CheckpointAnchor newAnchor(S3ServerKind kind) {
    return S3AuditCheckpointAnchor.builder()
        .client(AnchorBuckets.client(kind))
        .bucket(AnchorBuckets.bucket(kind))
        .prefix("log-" + UUID.randomUUID() + "/")
        .serverChecksums(kind.shared().features().flexibleChecksums())
        .build();
  }

  @Nested
  class OnS3Mock extends CheckpointAnchorContract {
    @Override
    protected CheckpointAnchor createAnchor() {
      return newAnchor(S3ServerKind.S3MOCK);
    }
  }

  @Nested
  class OnS3rver extends CheckpointAnchorContract {
    @Override
    protected CheckpointAnchor createAnchor() {
      return newAnchor(S3ServerKind.S3RVER);
    }
  }
}
