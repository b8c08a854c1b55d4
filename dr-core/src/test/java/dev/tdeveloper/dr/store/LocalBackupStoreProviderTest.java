package dev.tdeveloper.dr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store found through {@code ServiceLoader} by {@link BackupStore#fromProviders}. */
class LocalBackupStoreProviderTest {
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final String CHUNK = "ab".repeat(32);

  @TempDir Path temp;

  private Map<String, String> directory() {
    return Map.of(LocalBackupStoreProvider.DIRECTORY, temp.resolve("backups").toString());
  }

  @Test
  void theFileProviderIsFoundByNameAndAloneAndOpensAWorkingStore() {
    byte[] manifest = "m".getBytes(StandardCharsets.UTF_8);
    try (BackupStore store = BackupStore.fromProviders(Optional.of("file"), directory())) {
      assertThat(store).isInstanceOf(LocalBackupStore.class);
      store.putChunk(ACME, CHUNK, new byte[] {1, 2, 3});
      store.publishManifest(ACME, "b1", manifest);
    }
    try (BackupStore store = BackupStore.fromProviders(Optional.empty(), directory())) {
      assertThat(store.getChunk(ACME, CHUNK)).containsExactly(1, 2, 3);
      assertThat(store.manifest(ACME, "b1"))
          .hasValueSatisfying(m -> assertThat(m).isEqualTo(manifest));
      assertThat(((LocalBackupStore) store).root()).isEqualTo(temp.resolve("backups"));
    }
  }

  @Test
  void anUnknownSettingIsRejectedNamingItAndTheAcceptedOnes() {
    Map<String, String> config = Map.of("directory", temp.toString(), "bucket", "b");
    assertThatThrownBy(() -> BackupStore.fromProviders(Optional.of("file"), config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no setting 'bucket'")
        .hasMessageContaining("[directory]");
    assertThat(temp.resolve(LocalBackupStore.LOCK_FILE)).doesNotExist();
  }

  @Test
  void aMissingOrBlankDirectoryIsRejectedNamingTheSetting() {
    assertThatThrownBy(() -> BackupStore.fromProviders(Optional.of("file"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the file backup store needs the setting directory");
    assertThatThrownBy(
            () -> BackupStore.fromProviders(Optional.of("file"), Map.of("directory", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directory");
  }

  @Test
  void anUnknownProviderNameListsTheProvidersFound() {
    assertThatThrownBy(() -> BackupStore.fromProviders(Optional.of("aws-s3"), directory()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no BackupStoreProvider named 'aws-s3'")
        .hasMessageContaining("[file]");
  }

  @Test
  void aDirectoryOpenInAnotherStoreIsRefusedByTheSecond() {
    try (BackupStore first = BackupStore.fromProviders(Optional.of("file"), directory())) {
      assertThatThrownBy(() -> BackupStore.fromProviders(Optional.of("file"), directory()))
          .isInstanceOf(DrException.class);
      assertThat(first.scopes()).isEmpty();
    }
  }
}
