package dev.tdeveloper.cost.optimize;

import static dev.tdeveloper.cost.optimize.Fixtures.ACME;
import static dev.tdeveloper.cost.optimize.Fixtures.GIB;
import static dev.tdeveloper.cost.optimize.Fixtures.T0;
import static dev.tdeveloper.cost.optimize.Fixtures.prices;
import static dev.tdeveloper.cost.optimize.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptimizerInputTest {
  @Test
  void badSettingsAreNamedWithValueAndRange() {
    assertThatThrownBy(() -> CostOptimizer.builder().headroom(new BigDecimal("-0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("headroom: -0.1")
        .hasMessageContaining("allowed: 0 to 10");
    assertThatThrownBy(() -> CostOptimizer.builder().cpuPercentile(BigDecimal.ZERO))
        .hasMessageContaining("cpuPercentile: 0 is out of range; allowed: 0 < p <= 100");
    assertThatThrownBy(() -> CostOptimizer.builder().lookBack(Duration.ofDays(94)))
        .hasMessageContaining("lookBack: PT2256H");
    assertThatThrownBy(() -> CostOptimizer.builder().lookBack(Duration.ofMinutes(90)))
        .hasMessageContaining("whole hours");
    assertThatThrownBy(() -> CostOptimizer.builder().scaleToZeroFraction(1.0))
        .hasMessageContaining("scaleToZeroFraction: 1.0");
    assertThatThrownBy(() -> CostOptimizer.builder().minimumSamples(0))
        .hasMessageContaining("minimumSamples: 0");
    assertThatThrownBy(
            () -> CostOptimizer.builder().committedCores("eu-west-1", new BigDecimal("-1")))
        .hasMessageContaining("committedCores of eu-west-1: -1 is negative");
    assertThatThrownBy(() -> CostOptimizer.builder().minimumMonthlySavings(usd("-1")))
        .hasMessageContaining("minimumMonthlySavings: USD -1");
  }

  @Test
  void settingsAreSetOnceAndThePriceBookIsRequired() {
    assertThatThrownBy(
            () -> CostOptimizer.builder().headroom(BigDecimal.ONE).headroom(BigDecimal.ONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("headroom: already set");
    assertThatThrownBy(() -> CostOptimizer.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("priceBook: not set");
    assertThatThrownBy(
            () ->
                CostOptimizer.builder()
                    .priceBook(prices(false))
                    .minimumMonthlySavings(Money.of("1", "EUR"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EUR 1 is not in the price book's currency; allowed: USD");
  }

  @Test
  void badSamplesAreNamed() {
    assertThatThrownBy(
            () ->
                new UtilizationSample(
                    ACME, "api", "eu-west-1", T0, new BigDecimal("-1"), BigDecimal.ONE, 0, 0))
        .hasMessageContaining("cpuCoresUsed: -1 is negative");
    assertThatThrownBy(
            () ->
                new UtilizationSample(
                    ACME, "api", "eu-west-1", T0, BigDecimal.ONE, BigDecimal.ONE, 0, -5))
        .hasMessageContaining("memoryBytesRequested: -5 is negative");
    assertThatThrownBy(
            () ->
                new UtilizationSample(
                    ACME, " ", "eu-west-1", T0, BigDecimal.ONE, BigDecimal.ONE, 0, 0))
        .hasMessageContaining("workload: blank");
    assertThatThrownBy(
            () ->
                new Recommendation(
                    RecommendationKind.COMMITMENT,
                    Optional.of(ACME),
                    Optional.empty(),
                    "r",
                    Capacity.ZERO,
                    Capacity.ZERO,
                    usd("1"),
                    0.5,
                    false,
                    List.of("x")))
        .hasMessageContaining("tenant: Optional[acme] for COMMITMENT");
    assertThatThrownBy(
            () ->
                new Recommendation(
                    RecommendationKind.SCALE_TO_ZERO,
                    Optional.of(ACME),
                    Optional.empty(),
                    "r",
                    Capacity.ZERO,
                    Capacity.ZERO,
                    usd("1"),
                    1.5,
                    false,
                    List.of("x")))
        .hasMessageContaining("confidence: 1.5");
  }

  @Test
  void windowMustBeOnWholeHours() {
    CostOptimizer o = CostOptimizer.builder().priceBook(prices(false)).build();
    assertThatThrownBy(
            () -> o.recommend(CostPeriod.of(T0.plusSeconds(60), T0.plusSeconds(7200)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not on whole hours");
  }

  @Test
  void missingOnDemandPriceNamesRegionAndResource() {
    List<UtilizationSample> s = new ArrayList<>();
    for (long h = 0; h < 48; h++) {
      s.add(
          new UtilizationSample(
              ACME,
              "api",
              "us-east-9",
              T0.plusSeconds(h * 3600),
              BigDecimal.ONE,
              BigDecimal.TEN,
              GIB,
              GIB));
    }
    CostOptimizer o = CostOptimizer.builder().priceBook(prices(false)).build();
    assertThatThrownBy(() -> o.recommend(Fixtures.hours(48), s))
        .isInstanceOf(CostException.class)
        .hasMessageContaining("no on-demand vcpu price for region us-east-9")
        .hasMessageContaining("workload api of tenant acme");
  }

  @Test
  void clockWindowEndsAtTheStartOfTheCurrentHour() {
    ManualClock clock = new ManualClock(Instant.parse("2024-03-15T00:30:00Z"));
    CostOptimizer o =
        CostOptimizer.builder()
            .priceBook(prices(false))
            .clock(clock)
            .lookBack(Duration.ofDays(14))
            .build();
    List<UtilizationSample> s = new ArrayList<>();
    for (long h = 0; h < 336; h++) {
      s.add(Fixtures.sample(ACME, "api", h, "0.5", "4", GIB, 4 * GIB));
    }
    // T0 = 2024-03-01T00:00Z: the 336 hourly samples fill [03-01, 03-15) exactly.
    assertThat(o.recommend(s))
        .singleElement()
        .satisfies(r -> assertThat(r.confidence()).isEqualTo(1.0));
    clock.advance(Duration.ofDays(14));
    assertThat(o.recommend(s)).isEmpty();
  }
}
