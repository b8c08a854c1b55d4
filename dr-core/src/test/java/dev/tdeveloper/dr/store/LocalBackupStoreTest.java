package dev.tdeveloper.dr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local store adds to the contract: its layout, reopening, crash leftovers, the lock. */
class LocalBackupStoreTest {
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final byte[] SEALED = "sealed".getBytes(StandardCharsets.UTF_8);
  private static final String ID = idOf("plain");

  @TempDir Path dir;

  private static String idOf(String plain) {
    return CrashWorkload.sha256(plain.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keepsChunksAndManifestsInTheDocumentedLayout() throws IOException {
    try (LocalBackupStore store = LocalBackupStore.open(dir)) {
      store.putChunk(ACME, ID, SEALED);
      store.publishManifest(BackupScope.platform(), "full-1", SEALED);
    }
    assertThat(dir.resolve("tenant-acme/chunks/" + ID.substring(0, 2) + "/" + ID))
        .hasBinaryContent(SEALED);
    assertThat(dir.resolve("platform/manifests/full-1.manifest")).hasBinaryContent(SEALED);
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void everythingSurvivesAReopen() {
    try (LocalBackupStore store = LocalBackupStore.open(dir)) {
      store.putChunk(ACME, ID, SEALED);
      store.publishManifest(ACME, "b1", SEALED);
    }
    try (LocalBackupStore store = LocalBackupStore.open(dir)) {
      assertThat(store.getChunk(ACME, ID)).isEqualTo(SEALED);
      assertThat(store.manifests(ACME)).containsExactly("b1");
      assertThat(store.scopes()).containsExactly(ACME);
      assertThatThrownBy(() -> store.publishManifest(ACME, "b1", SEALED))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("b1 is already published in scope tenant-acme");
    }
  }

  @Test
  void openingDeletesTemporaryFilesACrashLeftAndShowsNoneOfThem() throws IOException {
    try (LocalBackupStore store = LocalBackupStore.open(dir)) {
      store.putChunk(ACME, ID, SEALED);
      store.publishManifest(ACME, "b1", SEALED);
    }
    Path chunks = dir.resolve("tenant-acme/chunks/" + ID.substring(0, 2));
    Path torn = chunks.resolve(idOf("torn") + ".0123456789abcdef.tmp");
    Path tornManifest = dir.resolve("tenant-acme/manifests/b2.manifest.0123456789abcdef.tmp");
    Files.write(torn, new byte[] {1, 2});
    Files.write(tornManifest, new byte[] {3});
    try (LocalBackupStore store = LocalBackupStore.open(dir)) {
      assertThat(torn).doesNotExist();
      assertThat(tornManifest).doesNotExist();
      assertThat(store.manifests(ACME)).containsExactly("b1");
      List<String> ids = new java.util.ArrayList<>();
      store.listChunks(ACME, ids::add);
      assertThat(ids).containsExactly(ID);
    }
  }

  @Test
  void ignoresForeignFilesAndDirectories() throws IOException {
    Files.createDirectories(dir.resolve("not-a-scope/chunks"));
    Files.createDirectories(dir.resolve("tenant-Bad/manifests"));
    Files.writeString(dir.resolve("tenant-Bad/manifests/x.manifest"), "x");
    Files.createDirectories(dir.resolve("tenant-acme/manifests"));
    Files.writeString(dir.resolve("tenant-acme/manifests/notes.txt"), "x");
    try (LocalBackupStore store = LocalBackupStore.open(dir)) {
      assertThat(store.scopes()).isEmpty();
      assertThat(store.manifests(ACME)).isEmpty();
    }
  }

  @Test
  void aSecondStoreCannotOpenTheSameRootUntilTheFirstCloses() {
    LocalBackupStore first = LocalBackupStore.open(dir);
    assertThatThrownBy(() -> LocalBackupStore.open(dir))
        .isInstanceOf(DrException.class)
        .hasMessageContaining("locked");
    first.close();
    LocalBackupStore.open(dir).close();
  }

  @Test
  void aRootThatIsAFileFailsNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> LocalBackupStore.open(file))
        .isInstanceOf(DrException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void refusedInputCreatesNoFiles() throws IOException {
    try (LocalBackupStore store = LocalBackupStore.open(dir)) {
      assertThatThrownBy(() -> store.putChunk(ACME, "../../escape", SEALED))
          .hasMessageContaining("chunkId")
          .hasMessageContaining("'../../escape'");
      assertThatThrownBy(() -> store.publishManifest(ACME, "../escape", SEALED))
          .hasMessageContaining("backupId")
          .hasMessageContaining("'../escape'");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(dir::relativize).map(Path::toString))
          .containsExactly(LocalBackupStore.LOCK_FILE);
    }
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".tmp")).toList();
    }
  }
}
