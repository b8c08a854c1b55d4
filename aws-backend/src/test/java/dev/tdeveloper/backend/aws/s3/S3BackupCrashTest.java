package dev.tdeveloper.backend.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupResult;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;

/** A backup process killed in the middle of a multipart upload leaves no visible backup. */
class S3BackupCrashTest {
  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void aKillDuringAMultipartBackupLeavesNoVisibleBackupAndTheNextRunCompletes(S3ServerKind kind)
      throws Exception {
    String bucket = TestBuckets.newBucket(kind, false);
    boolean checksums = kind.shared().features().flexibleChecksums();
    Path source = Backups.tree(temp.resolve("source"), 1, 12 << 20, 42);
    try (ChildJvm child =
        ChildJvm.start(
            S3BackupCrashChild.class,
            temp.resolve("child.err"),
            kind.shared().endpoint().toString(),
            bucket,
            Boolean.toString(checksums),
            source.toString())) {
      child.awaitLine("PART 1", 180);
      child.kill();
    }
    S3Client s3 = TestBuckets.client(kind);
    boolean listsUploads = kind.shared().features().multipartListing();
    if (listsUploads) {
      assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).hasSize(1);
    }
    try (S3BackupStore store =
        S3BackupStore.builder().client(s3).bucket(bucket).serverChecksums(checksums).build()) {
      assertThat(store.manifests(Backups.SCOPE)).isEmpty();
      java.util.List<String> chunks = new java.util.ArrayList<>();
      store.listChunks(Backups.SCOPE, chunks::add);
      assertThat(chunks).isEmpty();

      if (listsUploads) {
        assertThat(store.collectGarbage(Instant.parse("2000-01-01T00:00:00Z")).abortedUploads())
            .isEmpty();
        GarbageReport garbage = store.collectGarbage(Instant.now().plusSeconds(3600));
        assertThat(garbage.abortedUploads()).hasSize(1);
        assertThat(garbage.keptUploads()).isEmpty();
        assertThat(garbage.abortedUploads().get(0)).startsWith(Backups.SCOPE.key() + "/chunks/");
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
      } else {
        assertThatThrownBy(() -> store.collectGarbage(Instant.now()))
            .isInstanceOf(DrException.class)
            .hasMessageContaining("incomplete multipart uploads");
      }

      BackupEngine engine = Backups.engine(store, Backups.LARGE);
      BackupResult result =
          engine.backup(
              DirectorySource.of("files", Backups.SCOPE, source),
              BackupType.FULL,
              OptionalLong.empty());
      assertThat(store.manifests(Backups.SCOPE)).containsExactly(result.backupId());
      Path restored = temp.resolve("restored");
      engine.restore(Backups.SCOPE, result.backupId(), restored);
      assertThat(Files.readAllBytes(restored.resolve("file-0.bin")))
          .isEqualTo(Files.readAllBytes(source.resolve("file-0.bin")));

      assertThat(engine.verify(Backups.SCOPE, java.util.Optional.empty()).ok()).isTrue();
    }
  }
}
