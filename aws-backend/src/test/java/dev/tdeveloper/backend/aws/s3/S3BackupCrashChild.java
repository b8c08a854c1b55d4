package dev.tdeveloper.backend.aws.s3;

import dev.tdeveloper.aws.testkit.s3.S3Clients;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.net.URI;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Backs a directory up to S3 with one large chunk uploaded in 5 MiB parts; after part 1 it prints
 * {@code PART 1} and blocks until killed. Args: endpoint, bucket, checksums (true/false), source.
 */
public final class S3BackupCrashChild {
  private S3BackupCrashChild() {}

  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    CountDownLatch never = new CountDownLatch(1);
    S3Client s3 = S3Clients.sync(URI.create(args[0]));
    S3BackupStore store =
        S3BackupStore.builder()
            .client(s3)
            .bucket(args[1])
            .serverChecksums(Boolean.parseBoolean(args[2]))
            .partSize(S3BackupStoreBuilder.MIN_PART_SIZE)
            .multipartThreshold(S3BackupStoreBuilder.MIN_PART_SIZE)
            .partParallelism(1)
            .afterPart(
                part -> {
                  System.out.println("PART " + part);
                  System.out.flush();
                  try {
                    never.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                })
            .build();
    Backups.engine(store, Backups.LARGE)
        .backup(
            DirectorySource.of("files", Backups.SCOPE, Path.of(args[3])),
            BackupType.FULL,
            OptionalLong.empty());
    System.out.println("DONE");
    System.out.flush();
  }
}
