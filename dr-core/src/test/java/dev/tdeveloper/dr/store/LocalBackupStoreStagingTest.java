package dev.tdeveloper.dr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged chunks: visible to the store that staged them at once, on disk under their final names
 * only once a publish (or close) made them durable. A crash is simulated by opening a copy of the
 * directory while the first store is still open: the copy is what a kill would leave.
 */
class LocalBackupStoreStagingTest {
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final byte[] SEALED = "sealed".getBytes(StandardCharsets.UTF_8);
  private static final String ID = CrashWorkload.sha256("plain".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void aStagedChunkIsReadableAtOnceButACrashBeforeAPublishLosesItAndLeavesNoTemporaryFile()
      throws IOException {
    Path root = dir.resolve("store");
    try (LocalBackupStore store = LocalBackupStore.open(root)) {
      store.putChunk(ACME, ID, SEALED);
      assertThat(store.hasChunk(ACME, ID)).isTrue();
      assertThat(store.getChunk(ACME, ID)).isEqualTo(SEALED);
      assertThat(chunks(store)).containsExactly(ID);
      assertThat(store.scopes()).containsExactly(ACME);
      assertThat(finalChunkFile(root)).doesNotExist();

      Path crashed = copy(root, dir.resolve("crashed"));
      try (LocalBackupStore afterCrash = LocalBackupStore.open(crashed)) {
        assertThat(afterCrash.hasChunk(ACME, ID)).isFalse();
        assertThat(chunks(afterCrash)).isEmpty();
        assertThat(temporaryFiles(crashed)).isEmpty();
      }

      store.publishManifest(ACME, "b1", SEALED);
      assertThat(finalChunkFile(root)).hasBinaryContent(SEALED);
      assertThat(temporaryFiles(root)).isEmpty();
      assertThat(chunks(store)).containsExactly(ID);
      Path published = copy(root, dir.resolve("published"));
      try (LocalBackupStore afterCrash = LocalBackupStore.open(published)) {
        assertThat(afterCrash.getChunk(ACME, ID)).isEqualTo(SEALED);
        assertThat(afterCrash.manifests(ACME)).containsExactly("b1");
      }
    }
  }

  @Test
  void deletingAStagedChunkDeletesItsTemporaryFileAndAPublishDoesNotRevive() throws IOException {
    Path root = dir.resolve("store");
    try (LocalBackupStore store = LocalBackupStore.open(root)) {
      store.putChunk(ACME, ID, SEALED);
      store.deleteChunk(ACME, ID);
      assertThat(store.hasChunk(ACME, ID)).isFalse();
      assertThat(temporaryFiles(root)).isEmpty();
      store.publishManifest(ACME, "b1", SEALED);
      assertThat(store.hasChunk(ACME, ID)).isFalse();
      assertThat(finalChunkFile(root)).doesNotExist();
    }
  }

  @Test
  void puttingAStagedChunkAgainKeepsTheFirstCopy() throws IOException {
    Path root = dir.resolve("store");
    try (LocalBackupStore store = LocalBackupStore.open(root)) {
      store.putChunk(ACME, ID, SEALED);
      store.putChunk(ACME, ID, "other".getBytes(StandardCharsets.UTF_8));
      assertThat(temporaryFiles(root)).hasSize(1);
      assertThat(store.getChunk(ACME, ID)).isEqualTo(SEALED);
    }
    assertThat(finalChunkFile(root)).hasBinaryContent(SEALED);
  }

  @Test
  void closingMakesStagedChunksDurableUnderTheirFinalNames() throws IOException {
    Path root = dir.resolve("store");
    try (LocalBackupStore store = LocalBackupStore.open(root)) {
      store.putChunk(ACME, ID, SEALED);
    }
    assertThat(finalChunkFile(root)).hasBinaryContent(SEALED);
    assertThat(temporaryFiles(root)).isEmpty();
  }

  @Test
  void withoutASyncCommandPublishForcesEachFileAndStillRenamesEveryChunk() throws IOException {
    Path root = dir.resolve("store");
    try (LocalBackupStore store =
        LocalBackupStore.open(root, step -> {}, List.of("/nonexistent/sync-command"))) {
      store.putChunk(ACME, ID, SEALED);
      store.publishManifest(ACME, "b1", SEALED);
      assertThat(finalChunkFile(root)).hasBinaryContent(SEALED);
      assertThat(temporaryFiles(root)).isEmpty();
    }
  }

  private static Path finalChunkFile(Path root) {
    return root.resolve("tenant-acme/chunks/" + ID.substring(0, 2) + "/" + ID);
  }

  private static List<String> chunks(LocalBackupStore store) {
    List<String> ids = new ArrayList<>();
    store.listChunks(ACME, ids::add);
    return ids;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().equals(LocalBackupStore.LOCK_FILE)) {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }

  private static List<Path> temporaryFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(AtomicFiles.TEMP_SUFFIX)).toList();
    }
  }
}
