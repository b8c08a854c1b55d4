package dev.tdeveloper.backend.aws.s3;

import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.testkit.BackupStoreContract;
import org.junit.jupiter.api.Nested;

/** dr-testkit's {@link BackupStoreContract} on both local S3 servers. */
class S3BackupStoreContractTests {
  @Nested
  class OnS3Mock extends BackupStoreContract {
    @Override
    protected BackupStore create() {
      return TestBuckets.store(S3ServerKind.S3MOCK).rootPrefix("backups/").build();
    }
  }

  @Nested
  class OnS3rver extends BackupStoreContract {
    @Override
    protected BackupStore create() {
      return TestBuckets.store(S3ServerKind.S3RVER).rootPrefix("backups/").build();
    }
  }
}
