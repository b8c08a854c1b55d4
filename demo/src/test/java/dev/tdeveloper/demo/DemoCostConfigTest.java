package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.price.MissingPriceException;
import dev.tdeveloper.cost.price.PriceBookException;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the demo's {@code price-book.yaml} comes from, and what a bad one does. */
class DemoCostConfigTest {
  private static final String TOKEN = "operator-t0ken-for-tests";
  private static final Path SHIPPED =
      Path.of("src/main/resources/config/production/price-book.yaml");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));

  @Test
  void withoutAFileNextToTenantsYamlTheBundledOneIsExtractedAndUsed() throws Exception {
    try (DemoApp app = DemoTestApps.start(dir, TOKEN, clock, clock)) {
      assertThat(dir.resolve("data").resolve("price-book.yaml")).hasSameTextualContentAs(SHIPPED);
      assertThat(app.services().priceBook.currency().getCurrencyCode()).isEqualTo("USD");
    }
  }

  @Test
  void aBadPriceBookFailsTheStartNamingFileLineAndColumn() throws Exception {
    Path file = dir.resolve("price-book.yaml");
    Files.writeString(file, Files.readString(SHIPPED).replace("vcpu: 0.0400", "vcpu: -0.04"));
    assertThatThrownBy(() -> DemoTestApps.start(dir, TOKEN, clock, clock))
        .isInstanceOf(PriceBookException.class)
        .hasMessageMatching(
            "(?s).*" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+.*")
        .hasMessageContaining("regions.local-1.on-demand.vcpu")
        .hasMessageContaining("-0.04");
  }

  @Test
  void aPriceBookWithoutTheDemoRegionFailsTheStartNamingTheKey() throws Exception {
    Files.writeString(
        dir.resolve("price-book.yaml"),
        "currency: USD\nregions:\n  us-east-1:\n    on-demand: {vcpu: 0.04, ram: 0.005}\n");
    assertThatThrownBy(() -> DemoTestApps.start(dir, TOKEN, clock, clock))
        .isInstanceOf(MissingPriceException.class)
        .hasMessageContaining("local-1");
  }
}
