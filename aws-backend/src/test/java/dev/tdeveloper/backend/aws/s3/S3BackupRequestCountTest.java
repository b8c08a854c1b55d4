package dev.tdeveloper.backend.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.backup.BackupResult;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.backup.ChunkerSettings;
import dev.tdeveloper.dr.source.DirectorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The requests a backup sends to S3, counted per operation on the wire, as upper bounds: a full
 * backup costs about one PUT per new chunk, an incremental one a listing plus one PUT per changed
 * chunk (no HEAD per chunk, changed or not), and a restore one GET per chunk.
 */
class S3BackupRequestCountTest {
  private static final ChunkerSettings SMALL = new ChunkerSettings(1024, 4096, 16384);
  private static final int FILES = 40;

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(S3ServerKind.class)
  void fullAndOnePercentIncrementalBackupsCostAboutOneRequestPerNewChunk(S3ServerKind kind)
      throws Exception {
    WireHeaders wire = new WireHeaders();
    try (S3Client client = wire.client(kind);
        S3BackupStore store =
            S3BackupStore.builder()
                .client(client)
                .bucket(TestBuckets.newBucket(kind, false))
                .serverChecksums(kind.shared().features().flexibleChecksums())
                .conditionalWrites(TestBuckets.conditionalWrites(kind))
                .build()) {
      // without If-None-Match (s3rver) the store checks each new chunk with a HEAD first
      int headPerNewChunk = TestBuckets.conditionalWrites(kind) ? 0 : 1;
      BackupEngine engine = Backups.engine(store, SMALL);
      Path root = Backups.tree(temp.resolve("src"), FILES, 20_000, 31);
      DirectorySource source = DirectorySource.of("files", Backups.SCOPE, root);

      BackupResult full = engine.backup(source, BackupType.FULL, OptionalLong.empty());
      Map<String, Integer> fullRequests = counts(wire);
      int fullChunks = distinctChunks(full.manifest());
      // About 1% of the bytes: a few KiB rewritten at the start of one of the 40 files.
      byte[] changed = Files.readAllBytes(root.resolve("file-7.bin"));
      byte[] fresh = new byte[8_000];
      new Random(32).nextBytes(fresh);
      System.arraycopy(fresh, 0, changed, 0, fresh.length);
      Files.write(root.resolve("file-7.bin"), changed);
      int before = wire.size();
      BackupResult incremental =
          engine.backup(source, BackupType.INCREMENTAL, OptionalLong.empty());
      Map<String, Integer> incrementalRequests = counts(wire, before);
      long newChunks = incremental.manifest().totals().chunksNew();
      before = wire.size();
      engine.restore(Backups.SCOPE, incremental.backupId(), temp.resolve("restored"));
      Map<String, Integer> restoreRequests = counts(wire, before);

      assertThat(fullChunks).isGreaterThan(100);
      // full: the scope marker, a PUT per chunk, the manifest; one listing; HEAD only the
      // manifest's
      assertThat(fullRequests.getOrDefault("PutObject", 0)).isLessThanOrEqualTo(fullChunks + 2);
      assertThat(fullRequests.getOrDefault("HeadObject", 0))
          .isLessThanOrEqualTo(1 + headPerNewChunk * fullChunks);
      assertThat(fullRequests.getOrDefault("ListObjectsV2", 0)).isLessThanOrEqualTo(1);
      assertThat(total(fullRequests)).isLessThanOrEqualTo(fullChunks * (1 + headPerNewChunk) + 4);
      // incremental: latest (a listing and a GET), the chunk listing, a PUT per new chunk, the
      // manifest's HEAD and PUT: nothing per unchanged chunk
      assertThat(incremental.manifest().type()).isEqualTo(BackupType.INCREMENTAL);
      assertThat(newChunks).isBetween(1L, 6L);
      assertThat(incrementalRequests.getOrDefault("HeadObject", 0))
          .isLessThanOrEqualTo(1 + headPerNewChunk * (int) newChunks);
      assertThat(incrementalRequests.getOrDefault("PutObject", 0))
          .isLessThanOrEqualTo((int) newChunks + 1);
      assertThat(total(incrementalRequests))
          .isLessThanOrEqualTo((int) newChunks * (1 + headPerNewChunk) + 6);
      // restore: the manifest and one GET per chunk reference, no HEAD
      int references =
          incremental.manifest().files().stream().mapToInt(f -> f.chunks().size()).sum();
      assertThat(restoreRequests.getOrDefault("HeadObject", 0)).isZero();
      assertThat(restoreRequests.getOrDefault("GetObject", 0)).isLessThanOrEqualTo(references + 1);
      assertThat(total(restoreRequests)).isLessThanOrEqualTo(references + 1);
    }
  }

  private static int distinctChunks(BackupManifest manifest) {
    Set<String> ids = new HashSet<>();
    manifest.files().forEach(f -> f.chunks().forEach(c -> ids.add(c.id())));
    return ids.size();
  }

  private static Map<String, Integer> counts(WireHeaders wire) {
    return counts(wire, 0);
  }

  private static Map<String, Integer> counts(WireHeaders wire, int from) {
    Map<String, Integer> counts = new TreeMap<>();
    wire.since(from).forEach(s -> counts.merge(s.operation(), 1, Integer::sum));
    return counts;
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
