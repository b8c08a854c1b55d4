package dev.tdeveloper.tenancy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code file} registry found through {@code ServiceLoader}. */
class FileTenantRegistryProviderTest {
  @TempDir Path temp;

  private Map<String, String> config() {
    return Map.of(FileTenantRegistryProvider.DIRECTORY, temp.resolve("registry").toString());
  }

  @Test
  void opensADurableRegistryInTheConfiguredDirectory() {
    try (FileTenantRegistry registry =
        (FileTenantRegistry) TenantRegistry.fromProviders(Optional.of("file"), config())) {
      registry.create(Tenant.builder("acme").build());
      assertThat(registry.file()).isEqualTo(temp.resolve("registry/tenants.journal"));
    }
    try (FileTenantRegistry registry =
        (FileTenantRegistry) TenantRegistry.fromProviders(Optional.of("file"), config())) {
      assertThat(registry.find(TenantId.of("acme"))).isPresent();
    }
  }

  @Test
  void takesACompactionThreshold() throws Exception {
    Map<String, String> config =
        Map.of(
            FileTenantRegistryProvider.DIRECTORY,
            temp.resolve("registry").toString(),
            FileTenantRegistryProvider.COMPACTION_THRESHOLD_BYTES,
            " 2048 ");
    try (FileTenantRegistry registry =
        (FileTenantRegistry) new FileTenantRegistryProvider().create(config)) {
      registry.create(Tenant.builder("acme").build());
      for (int i = 0; i < 100; i++) {
        String plan = "p" + i;
        registry.update(TenantId.of("acme"), t -> t.withPlan(plan));
      }
      assertThat(Files.size(registry.file())).isLessThan(2048);
    }
  }

  @Test
  void requiresTheDirectory() {
    assertThatThrownBy(() -> TenantRegistry.fromProviders(Optional.of("file"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property 'file.directory' is required");
  }

  @Test
  void refusesUnknownAndInvalidSettingsNamingThem() {
    Map<String, String> typo =
        Map.of("file.directory", temp.toString(), "file.compaction-threshold", "4096");
    assertThatThrownBy(() -> new FileTenantRegistryProvider().create(typo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown setting 'file.compaction-threshold'")
        .hasMessageContaining("file.compaction-threshold-bytes");
    Map<String, String> notANumber =
        Map.of("file.directory", temp.toString(), "file.compaction-threshold-bytes", "1MB");
    assertThatThrownBy(() -> new FileTenantRegistryProvider().create(notANumber))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'file.compaction-threshold-bytes' is not a number: '1MB'");
    Map<String, String> tooSmall =
        Map.of("file.directory", temp.toString(), "file.compaction-threshold-bytes", "10");
    assertThatThrownBy(() -> new FileTenantRegistryProvider().create(tooSmall))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("compactionThresholdBytes must be from 1024");
    assertThat(temp.resolve("registry")).doesNotExist();
  }

  @Test
  void isNamedFile() {
    assertThat(new FileTenantRegistryProvider().name()).isEqualTo("file");
  }
}
