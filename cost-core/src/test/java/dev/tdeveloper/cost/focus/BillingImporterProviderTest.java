package dev.tdeveloper.cost.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.spi.BillingImporterProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BillingImporterProviderTest {
  @Test
  void serviceLoaderFindsTheFocusCsvProvider() {
    assertThat(BillingImporterProvider.select(Optional.empty()))
        .isInstanceOf(FocusCsvBillingImporterProvider.class);
    assertThat(BillingImporterProvider.select(Optional.of("focus-csv")).name())
        .isEqualTo("focus-csv");
  }

  @Test
  void anUnknownNameListsTheProvidersFound() {
    assertThatThrownBy(() -> BillingImporterProvider.select(Optional.of("gcp")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no BillingImporterProvider named 'gcp'; found: [focus-csv]");
  }

  @Test
  void createsAnImporterFromProperties() {
    var importer =
        new FocusCsvBillingImporterProvider()
            .create(Map.of("path", Path.of("bills").toString(), "lenient", "true"));
    assertThat(importer.name()).isEqualTo("focus-csv");
    assertThat(importer.toString()).contains("lenient");
  }

  @Test
  void refusesUnknownMissingAndInvalidProperties() {
    var provider = new FocusCsvBillingImporterProvider();
    assertThatThrownBy(() -> provider.create(Map.of("path", "x", "dir", "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown property 'dir'");
    assertThatThrownBy(() -> provider.create(Map.of()))
        .hasMessageContaining("property 'path' of the focus-csv importer: missing");
    assertThatThrownBy(() -> provider.create(Map.of("path", "x", "lenient", "yes")))
        .hasMessageContaining("'yes'; allowed: true, false");
  }
}
