package dev.tdeveloper.backend.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupResult;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.backup.ChunkerSettings;
import dev.tdeveloper.dr.backup.VerifyReport;
import dev.tdeveloper.dr.source.DirectorySource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** dr-core's verify finds objects tampered with in the bucket. */
class S3BackupVerifyTest {
  private static final ChunkerSettings SMALL = new ChunkerSettings(1024, 4096, 16384);

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void verifyReportsChunksTamperedWithInTheBucket(S3ServerKind kind) throws Exception {
    try (S3BackupStore store = TestBuckets.store(kind).build()) {
      BackupEngine engine = Backups.engine(store, SMALL);
      BackupResult result =
          engine.backup(
              DirectorySource.of("files", Backups.SCOPE, Backups.tree(temp, 5, 20_000, 9)),
              BackupType.FULL,
              OptionalLong.empty());
      assertThat(engine.verify(Backups.SCOPE, Optional.empty()).ok()).isTrue();
      List<String> chunks = new ArrayList<>();
      store.listChunks(Backups.SCOPE, chunks::add);
      chunks.sort(null);
      String bytesSwapped = chunks.get(0);
      String hashForged = chunks.get(1);
      S3Client s3 = TestBuckets.client(kind);
      String prefix = Backups.SCOPE.key() + "/chunks/";
      byte[] sealed = store.getChunk(Backups.SCOPE, bytesSwapped);
      sealed[sealed.length / 2] ^= 1;
      Map<String, String> metadata =
          s3.headObject(b -> b.bucket(store.bucket()).key(prefix + bytesSwapped)).metadata();
      s3.putObject(
          b -> b.bucket(store.bucket()).key(prefix + bytesSwapped).metadata(metadata),
          RequestBody.fromBytes(sealed));
      byte[] forged = store.getChunk(Backups.SCOPE, hashForged);
      forged[forged.length / 2] ^= 1;
      String forgedHash =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(forged));
      s3.putObject(
          b ->
              b.bucket(store.bucket())
                  .key(prefix + hashForged)
                  .metadata(Map.of("tdeveloper-sha256", forgedHash)),
          RequestBody.fromBytes(forged));

      VerifyReport report = engine.verify(Backups.SCOPE, Optional.empty());

      assertThat(report.ok()).isFalse();
      assertThat(report.corruptChunks())
          .extracting(VerifyReport.ChunkProblem::chunkId)
          .containsExactlyInAnyOrder(bytesSwapped, hashForged);
      assertThat(report.corruptChunks())
          .filteredOn(p -> p.chunkId().equals(bytesSwapped))
          .singleElement()
          .satisfies(p -> assertThat(p.problem()).contains("SHA-256"));
      assertThat(report.corruptChunks())
          .allSatisfy(p -> assertThat(p.filesByBackup()).containsKey(result.backupId()));
    }
  }
}
