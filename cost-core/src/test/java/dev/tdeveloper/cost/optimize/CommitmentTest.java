package dev.tdeveloper.cost.optimize;

import static dev.tdeveloper.cost.optimize.Fixtures.ACME;
import static dev.tdeveloper.cost.optimize.Fixtures.GIB;
import static dev.tdeveloper.cost.optimize.Fixtures.GLOBEX;
import static dev.tdeveloper.cost.optimize.Fixtures.hours;
import static dev.tdeveloper.cost.optimize.Fixtures.prices;
import static dev.tdeveloper.cost.optimize.Fixtures.sample;
import static dev.tdeveloper.cost.optimize.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CommitmentTest {
  /** acme holds 2 cores every hour of 100; globex 3 more cores in the first 50 hours only. */
  private static List<UtilizationSample> fleet() {
    List<UtilizationSample> out = new ArrayList<>();
    for (long h = 0; h < 100; h++) {
      out.add(sample(ACME, "api", h, "1.9", "2", GIB, GIB));
      if (h < 50) {
        out.add(sample(GLOBEX, "api", h, "2.9", "3", GIB, GIB));
      }
    }
    return out;
  }

  private static List<Recommendation> commitments(
      CostOptimizerBuilder b, List<UtilizationSample> s) {
    return b.build().recommend(hours(100), s).stream()
        .filter(r -> r.kind() == RecommendationKind.COMMITMENT)
        .toList();
  }

  @Test
  void steadyBaselineIsPricedAtTheCommittedRate() {
    List<Recommendation> recs =
        commitments(CostOptimizer.builder().priceBook(prices(true)), fleet());
    assertThat(recs).hasSize(1);
    Recommendation r = recs.get(0);
    assertThat(r.tenant()).isEmpty();
    // Hourly held: 5 cores for 50 hours, 2 for 50; P10 = 2.
    assertThat(r.proposed().cpuCores()).isEqualByComparingTo("2");
    assertThat(r.current().cpuCores()).isEqualByComparingTo("0");
    // 2 x (0.04 - 0.025) x 730
    assertThat(r.monthlySavings()).isEqualTo(usd("21.9"));
    // Samples in all 100 hours; 150 samples of the 168 that give full confidence.
    assertThat(r.confidence()).isEqualTo(150.0 / 168);
  }

  @Test
  void existingCommitmentIsSubtracted() {
    Recommendation r =
        commitments(
                CostOptimizer.builder()
                    .priceBook(prices(true))
                    .committedCores("eu-west-1", new BigDecimal("1.5")),
                fleet())
            .get(0);
    assertThat(r.current().cpuCores()).isEqualByComparingTo("1.5");
    assertThat(r.proposed().cpuCores()).isEqualByComparingTo("2");
    assertThat(r.monthlySavings()).isEqualTo(usd("5.475"));
    assertThat(
            commitments(
                CostOptimizer.builder()
                    .priceBook(prices(true))
                    .committedCores("eu-west-1", BigDecimal.valueOf(2)),
                fleet()))
        .isEmpty();
  }

  @Test
  void noCommittedPriceMeansNoCommitmentRecommendation() {
    assertThat(commitments(CostOptimizer.builder().priceBook(prices(false)), fleet())).isEmpty();
  }

  @Test
  void hoursWithoutSamplesCountAsZero() {
    List<UtilizationSample> half =
        fleet().stream()
            .filter(s -> s.time().isBefore(Fixtures.T0.plusSeconds(3600 * 45)))
            .toList();
    assertThat(commitments(CostOptimizer.builder().priceBook(prices(true)), half)).isEmpty();
  }

  @Property(tries = 50)
  void neverCommitsAboveTheBaseline(
      @ForAll @Size(min = 48, max = 48) List<@IntRange(min = 0, max = 40) Integer> tenthsOfCores) {
    List<UtilizationSample> s = new ArrayList<>();
    for (int h = 0; h < tenthsOfCores.size(); h++) {
      String req = BigDecimal.valueOf(tenthsOfCores.get(h), 1).toPlainString();
      s.add(sample(ACME, "api", h, "0", req, 0, 0));
      s.add(sample(GLOBEX, "api", h, "0.5", "0.5", 0, 0));
    }
    List<Recommendation> recs =
        CostOptimizer.builder()
            .priceBook(prices(true))
            .minimumMonthlySavings(usd("0"))
            .build()
            .recommend(hours(48), s)
            .stream()
            .filter(r -> r.kind() == RecommendationKind.COMMITMENT)
            .toList();
    assertThat(recs).hasSize(1);
    BigDecimal proposed = recs.get(0).proposed().cpuCores();
    long hoursAtOrAbove =
        tenthsOfCores.stream()
            .filter(
                t -> BigDecimal.valueOf(t, 1).add(new BigDecimal("0.5")).compareTo(proposed) >= 0)
            .count();
    assertThat(hoursAtOrAbove).isGreaterThanOrEqualTo(44); // at least 90% of 48 hours
    assertThat(proposed).isGreaterThanOrEqualTo(new BigDecimal("0.5"));
  }
}
