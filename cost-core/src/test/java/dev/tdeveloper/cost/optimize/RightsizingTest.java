package dev.tdeveloper.cost.optimize;

import static dev.tdeveloper.cost.optimize.Fixtures.ACME;
import static dev.tdeveloper.cost.optimize.Fixtures.GIB;
import static dev.tdeveloper.cost.optimize.Fixtures.hours;
import static dev.tdeveloper.cost.optimize.Fixtures.prices;
import static dev.tdeveloper.cost.optimize.Fixtures.sample;
import static dev.tdeveloper.cost.optimize.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RightsizingTest {
  /** CPU used 0.01, 0.02, ... 2.00 cores (one sample an hour); memory peaks at 1 GiB. */
  private static List<UtilizationSample> ramp(int n, String cpuRequest, long memRequest) {
    List<UtilizationSample> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      long mem = i == n / 2 ? GIB : GIB / 2;
      out.add(
          sample(
              ACME,
              "api",
              i - 1,
              BigDecimal.valueOf(i, 2).toPlainString(),
              cpuRequest,
              mem,
              memRequest));
    }
    return out;
  }

  private static List<Recommendation> run(
      CostOptimizerBuilder b, long windowHours, List<UtilizationSample> s) {
    return b.build().recommend(hours(windowHours), s);
  }

  @Test
  void proposesP995CpuAndPeakMemoryWithTwentyPercentHeadroomAndExactSavings() {
    List<Recommendation> recs =
        run(CostOptimizer.builder().priceBook(prices(false)), 200, ramp(200, "4", 4 * GIB));
    assertThat(recs).hasSize(1);
    Recommendation r = recs.get(0);
    assertThat(r.kind()).isEqualTo(RecommendationKind.RIGHTSIZE);
    assertThat(r.workload()).contains("api");
    assertThat(r.performanceRisk()).isFalse();
    // P99.5 of 200 samples is rank 199: 1.99 cores; x 1.2 = 2.388.
    assertThat(r.proposed().cpuCores()).isEqualByComparingTo("2.388");
    // 1 GiB x 1.2 = 1228.8 MiB, rounded up to 1229 MiB.
    assertThat(r.proposed().memoryBytes()).isEqualTo(1229L << 20);
    // (4 - 2.388) x 0.04 x 730 + (4 - 1229/1024) x 0.005 x 730
    assertThat(r.monthlySavings()).isEqualTo(usd("57.289687109375"));
    assertThat(r.monthlySavings()).isEqualTo(usd("47.0704").plus(usd("10.219287109375")));
    assertThat(r.confidence()).isEqualTo(1.0);
    assertThat(r.reasons())
        .anySatisfy(s -> assertThat(s).contains("P99.5 = 1.99 cores (nearest rank 199 of 200"));
  }

  @Test
  void headroomIsConfigurable() {
    Recommendation r =
        run(
                CostOptimizer.builder().priceBook(prices(false)).headroom(BigDecimal.ZERO),
                200,
                ramp(200, "4", 4 * GIB))
            .get(0);
    assertThat(r.proposed().cpuCores()).isEqualByComparingTo("1.99");
    assertThat(r.proposed().memoryBytes()).isEqualTo(GIB);
  }

  @Test
  void underProvisionedWorkloadIsFlaggedEvenWhenTheFixCostsMore() {
    Recommendation r =
        run(CostOptimizer.builder().priceBook(prices(false)), 200, ramp(200, "1", 4 * GIB)).get(0);
    assertThat(r.performanceRisk()).isTrue();
    assertThat(r.proposed().cpuCores()).isEqualByComparingTo("2.388");
    // CPU +1.388 cores costs 40.5296; memory still saves 10.219287109375.
    assertThat(r.monthlySavings()).isEqualTo(usd("10.219287109375").minus(usd("40.5296")));
    assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("UNDER-PROVISIONED"));
  }

  @Test
  void dimensionWithinHeadroomIsNotRaised() {
    // CPU request 2.2 is above P99.5 (1.99) but below 2.388: kept at 2.2, memory still shrinks.
    Recommendation r =
        run(CostOptimizer.builder().priceBook(prices(false)), 200, ramp(200, "2.2", 4 * GIB))
            .get(0);
    assertThat(r.performanceRisk()).isFalse();
    assertThat(r.proposed().cpuCores()).isEqualByComparingTo("2.2");
    assertThat(r.monthlySavings()).isEqualTo(usd("10.219287109375"));
  }

  @Test
  void savingBelowTheMinimumIsNotRecommended() {
    CostOptimizerBuilder b =
        CostOptimizer.builder()
            .priceBook(prices(false))
            .minimumMonthlySavings(usd("57.289687109375"));
    assertThat(run(b, 200, ramp(200, "4", 4 * GIB))).isEmpty();
    CostOptimizerBuilder lower =
        CostOptimizer.builder().priceBook(prices(false)).minimumMonthlySavings(usd("57.28"));
    assertThat(run(lower, 200, ramp(200, "4", 4 * GIB))).hasSize(1);
  }

  @Test
  void confidenceIsCoverageTimesSampleFactor() {
    // 168 hourly samples in a 336-hour window: coverage 0.5, sample factor 1.
    assertThat(
            run(CostOptimizer.builder().priceBook(prices(false)), 336, ramp(168, "4", 4 * GIB))
                .get(0)
                .confidence())
        .isEqualTo(0.5);
    // 84 samples in 168 hours: coverage 0.5, sample factor 84 / 168.
    assertThat(
            run(CostOptimizer.builder().priceBook(prices(false)), 168, ramp(84, "4", 4 * GIB))
                .get(0)
                .confidence())
        .isEqualTo(0.25);
    // Full confidence from 84 samples: coverage alone.
    assertThat(
            run(
                    CostOptimizer.builder().priceBook(prices(false)).fullConfidenceSamples(84),
                    168,
                    ramp(84, "4", 4 * GIB))
                .get(0)
                .confidence())
        .isEqualTo(0.5);
  }

  @Test
  void tooFewSamplesGiveNoRecommendation() {
    assertThat(run(CostOptimizer.builder().priceBook(prices(false)), 200, ramp(29, "4", 4 * GIB)))
        .isEmpty();
    assertThat(
            run(
                CostOptimizer.builder().priceBook(prices(false)).minimumSamples(29),
                200,
                ramp(29, "4", 4 * GIB)))
        .hasSize(1);
  }

  @Test
  void samplesOutsideTheWindowAreIgnored() {
    // The window holds only the first 100 samples: P99.5 = 1.00 core.
    Recommendation r =
        run(CostOptimizer.builder().priceBook(prices(false)), 100, ramp(200, "4", 4 * GIB)).get(0);
    assertThat(r.proposed().cpuCores()).isEqualByComparingTo("1.2");
  }
}
