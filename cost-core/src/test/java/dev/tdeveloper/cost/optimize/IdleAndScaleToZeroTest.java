package dev.tdeveloper.cost.optimize;

import static dev.tdeveloper.cost.optimize.Fixtures.ACME;
import static dev.tdeveloper.cost.optimize.Fixtures.GIB;
import static dev.tdeveloper.cost.optimize.Fixtures.hours;
import static dev.tdeveloper.cost.optimize.Fixtures.prices;
import static dev.tdeveloper.cost.optimize.Fixtures.requests;
import static dev.tdeveloper.cost.optimize.Fixtures.sample;
import static dev.tdeveloper.cost.optimize.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.cost.usage.UsageRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdleAndScaleToZeroTest {
  private final CostOptimizer optimizer = CostOptimizer.builder().priceBook(prices(false)).build();

  private static List<UtilizationSample> steady(
      String workload, long n, String cpuUsed, String cpuReq, long memUsed, long memReq) {
    List<UtilizationSample> out = new ArrayList<>();
    for (long h = 0; h < n; h++) {
      out.add(sample(ACME, workload, h, cpuUsed, cpuReq, memUsed, memReq));
    }
    return out;
  }

  private static List<RecommendationKind> kinds(List<Recommendation> recs) {
    return recs.stream().map(Recommendation::kind).toList();
  }

  @Test
  void workloadBelowFivePercentOfItsRequestForTheWholeLookBackIsIdle() {
    List<Recommendation> recs =
        optimizer.recommend(hours(168), steady("batch", 168, "0.04", "1", GIB / 4, 2 * GIB));
    assertThat(kinds(recs)).containsExactly(RecommendationKind.IDLE);
    Recommendation r = recs.get(0);
    assertThat(r.proposed()).isEqualTo(Capacity.ZERO);
    // (1 x 0.04 + 2 x 0.005) x 730
    assertThat(r.monthlySavings()).isEqualTo(usd("36.5"));
    assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("requests not metered"));
  }

  @Test
  void cpuAtFivePercentIsNotIdle() {
    assertThat(
            kinds(
                optimizer.recommend(
                    hours(168), steady("batch", 168, "0.05", "1", GIB / 4, 2 * GIB))))
        .containsExactly(RecommendationKind.RIGHTSIZE);
  }

  @Test
  void servedRequestsKeepAWorkloadFromBeingIdle() {
    List<UsageRecord> metering = List.of(requests(ACME, "batch", 3, 10));
    List<Recommendation> recs =
        optimizer.recommend(
            hours(168), steady("batch", 168, "0.04", "1", GIB / 4, 2 * GIB), metering);
    assertThat(kinds(recs))
        .doesNotContain(RecommendationKind.IDLE)
        .contains(RecommendationKind.RIGHTSIZE);
  }

  @Test
  void idleNeedsSamplesAcrossTheWholeLookBack() {
    // 150 of 168 hours (0.89) is short of the 0.9 coverage an idle verdict needs.
    assertThat(
            kinds(
                optimizer.recommend(
                    hours(168), steady("batch", 150, "0.04", "1", GIB / 4, 2 * GIB))))
        .containsExactly(RecommendationKind.RIGHTSIZE);
  }

  @Test
  void tenantWithoutRequestsInMostHoursScalesToZero() {
    List<UtilizationSample> busy = steady("web", 168, "0.9", "1", GIB * 9 / 10, GIB);
    List<UsageRecord> metering = new ArrayList<>();
    for (long h = 0; h < 10; h++) {
      metering.add(requests(ACME, "web", h, 5));
    }
    List<Recommendation> recs = optimizer.recommend(hours(168), busy, metering);
    assertThat(kinds(recs)).containsExactly(RecommendationKind.SCALE_TO_ZERO);
    Recommendation r = recs.get(0);
    assertThat(r.tenant()).contains(ACME);
    assertThat(r.current()).isEqualTo(new Capacity(java.math.BigDecimal.ONE, GIB));
    // (0.04 + 0.005) x 730 = 32.85 a month; 158 of 168 hours at zero: 30.894642... -> 30.89
    assertThat(r.monthlySavings()).isEqualTo(usd("30.89"));
    assertThat(r.reasons())
        .anySatisfy(s -> assertThat(s).contains("no requests in 158 of 168 hours"));
  }

  @Test
  void tenantWithRequestsInMoreThanTenPercentOfHoursDoesNotScaleToZero() {
    List<UtilizationSample> busy = steady("web", 168, "0.9", "1", GIB * 9 / 10, GIB);
    List<UsageRecord> metering = new ArrayList<>();
    for (long h = 0; h < 17; h++) {
      metering.add(requests(ACME, "web", h * 9, 1));
    }
    // 151 of 168 hours at zero = 0.899, not above 0.9.
    assertThat(optimizer.recommend(hours(168), busy, metering)).isEmpty();
  }

  @Test
  void withoutRequestMeteringNothingScalesToZero() {
    assertThat(optimizer.recommend(hours(168), steady("web", 168, "0.9", "1", GIB * 9 / 10, GIB)))
        .isEmpty();
  }

  @Test
  void idleWorkloadIsNotCountedAgainInScaleToZero() {
    List<UtilizationSample> both =
        new ArrayList<>(steady("web", 168, "0.9", "1", GIB * 9 / 10, GIB));
    both.addAll(steady("batch", 168, "0.01", "1", GIB / 4, 2 * GIB));
    List<Recommendation> recs = optimizer.recommend(hours(168), both, List.of());
    assertThat(kinds(recs))
        .containsExactlyInAnyOrder(RecommendationKind.IDLE, RecommendationKind.SCALE_TO_ZERO);
    Recommendation stz =
        recs.stream()
            .filter(r -> r.kind() == RecommendationKind.SCALE_TO_ZERO)
            .findFirst()
            .orElseThrow();
    assertThat(stz.current()).isEqualTo(new Capacity(java.math.BigDecimal.ONE, GIB));
    assertThat(stz.monthlySavings()).isEqualTo(usd("32.85"));
  }
}
