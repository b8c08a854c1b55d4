package dev.tdeveloper.cost.optimize;

import static dev.tdeveloper.cost.optimize.Fixtures.ACME;
import static dev.tdeveloper.cost.optimize.Fixtures.GIB;
import static dev.tdeveloper.cost.optimize.Fixtures.GLOBEX;
import static dev.tdeveloper.cost.optimize.Fixtures.hours;
import static dev.tdeveloper.cost.optimize.Fixtures.prices;
import static dev.tdeveloper.cost.optimize.Fixtures.requests;
import static dev.tdeveloper.cost.optimize.Fixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.cost.usage.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TenantIsolationTest {
  private final CostOptimizer optimizer =
      CostOptimizer.builder()
          .priceBook(prices(true))
          .minimumMonthlySavings(Fixtures.usd("0"))
          .build();

  private static List<UtilizationSample> acme() {
    List<UtilizationSample> out = new ArrayList<>();
    for (long h = 0; h < 72; h++) {
      out.add(sample(ACME, "api", h, h % 7 == 0 ? "1.5" : "0.3", "2", GIB, 4 * GIB));
      out.add(sample(ACME, "batch", h, "0.01", "1", GIB / 8, GIB));
    }
    return out;
  }

  private List<Recommendation> acmeOnly(List<Recommendation> recs) {
    return recs.stream().filter(r -> r.tenant().filter(ACME::equals).isPresent()).toList();
  }

  /** Another tenant's samples and requests, even under the same workload names, change nothing. */
  @Property(tries = 60)
  void anotherTenantsDataNeverChangesARecommendation(
      @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 71) Integer> hoursOfGlobex,
      @ForAll @IntRange(min = 0, max = 400) int cpuHundredths,
      @ForAll @IntRange(min = 0, max = 400) int requestHundredths,
      @ForAll boolean globexServesRequests) {
    List<UsageRecord> metering = new ArrayList<>(List.of(requests(ACME, "api", 5, 3)));
    List<Recommendation> alone = acmeOnly(optimizer.recommend(hours(72), acme(), metering));

    List<UtilizationSample> mixed = new ArrayList<>(acme());
    List<UsageRecord> mixedMetering = new ArrayList<>(metering);
    for (int h : hoursOfGlobex) {
      String cpu = BigDecimal.valueOf(cpuHundredths, 2).toPlainString();
      String req = BigDecimal.valueOf(requestHundredths, 2).toPlainString();
      mixed.add(sample(GLOBEX, "api", h, cpu, req, GIB * 3, GIB));
      mixed.add(sample(GLOBEX, "batch", h, cpu, req, 0, 0));
      if (globexServesRequests) {
        mixedMetering.add(requests(GLOBEX, "batch", h, 100));
        mixedMetering.add(requests(GLOBEX, "api", h, 100));
      }
    }
    List<Recommendation> together = acmeOnly(optimizer.recommend(hours(72), mixed, mixedMetering));

    assertThat(alone).isNotEmpty();
    assertThat(together).isEqualTo(alone);
  }
}
