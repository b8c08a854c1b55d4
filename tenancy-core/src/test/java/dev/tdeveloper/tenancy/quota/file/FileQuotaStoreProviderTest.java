package dev.tdeveloper.tenancy.quota.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaStoreConfig;
import dev.tdeveloper.tenancy.spi.QuotaStoreProvider;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.usage.file.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileQuotaStoreProviderTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  private QuotaStoreProvider provider() {
    return ProviderSelector.select(QuotaStoreProvider.class, Optional.of("file"), "tenancy-core");
  }

  private QuotaStore create(Map<String, String> properties) {
    return provider().create(new QuotaStoreConfig(clock, properties));
  }

  @Test
  void isFoundByNameAndExpiresByTheConfiguredClock() {
    QuotaKey key = new QuotaKey(TenantId.of("acme"), "notes", clock.instant());
    try (FileQuotaStore store =
        (FileQuotaStore)
            create(
                Map.of(
                    FileQuotaStoreProvider.DIRECTORY,
                    dir.toString(),
                    FileQuotaStoreProvider.FSYNC_POLICY,
                    "Every_Append",
                    FileQuotaStoreProvider.COMPACTION_THRESHOLD_BYTES,
                    "8192",
                    "redis.uri",
                    "redis://ignored"))) {
      assertThat(store.directory()).isEqualTo(dir);
      assertThat(store.fsyncPolicy()).isEqualTo(FsyncPolicy.EVERY_APPEND);
      store.tryAdd(key, 3, 10, clock.instant().plus(Duration.ofHours(1)));
      assertThat(store.used(key)).isEqualTo(3);
      clock.advance(Duration.ofHours(1));
      assertThat(store.used(key)).isZero();
    }
  }

  @Test
  void severalProvidersNeedAName() {
    assertThatThrownBy(
            () -> ProviderSelector.select(QuotaStoreProvider.class, Optional.empty(), "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in-memory")
        .hasMessageContaining("file");
  }

  @Test
  void missingOrInvalidPropertiesAreNamed() {
    assertThatThrownBy(() -> create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property 'file.directory' is required");
    assertThatThrownBy(() -> create(Map.of(FileQuotaStoreProvider.DIRECTORY, " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file.directory");
    assertThatThrownBy(() -> create(Map.of(FileQuotaStoreProvider.DIRECTORY, "a\u0000b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file.directory");
    String directory = dir.toString();
    assertThatThrownBy(
            () ->
                create(
                    Map.of(
                        FileQuotaStoreProvider.DIRECTORY,
                        directory,
                        FileQuotaStoreProvider.FSYNC_POLICY,
                        "sometimes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file.fsync-policy")
        .hasMessageContaining("sometimes");
    assertThatThrownBy(
            () ->
                create(
                    Map.of(
                        FileQuotaStoreProvider.DIRECTORY,
                        directory,
                        FileQuotaStoreProvider.COMPACTION_THRESHOLD_BYTES,
                        "12")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("compactionThresholdBytes")
        .hasMessageContaining("12");
    assertThatThrownBy(
            () ->
                create(
                    Map.of(
                        FileQuotaStoreProvider.DIRECTORY,
                        directory,
                        FileQuotaStoreProvider.COMPACTION_THRESHOLD_BYTES,
                        "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file.compaction-threshold-bytes");
    assertThatThrownBy(
            () -> create(Map.of(FileQuotaStoreProvider.DIRECTORY, directory, "file.dir", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file.dir");
  }
}
