package dev.tdeveloper.cost.anomaly;

import static dev.tdeveloper.cost.anomaly.Days.cost;
import static dev.tdeveloper.cost.anomaly.Days.day;
import static dev.tdeveloper.cost.anomaly.Days.normal;
import static dev.tdeveloper.cost.anomaly.Days.normalCost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostAnomalyDetectorInputTest {
  private static final CostScope ACME = CostScope.organisation("acme");

  @Test
  void dayNotAfterTheLastIsRejectedWithoutStateChange() {
    CostAnomalyDetector d = CostAnomalyDetector.builder().build();
    for (int i = 0; i < 30; i++) {
      d.observe(normalCost(ACME, "compute", i));
    }
    // A batch whose first cost is valid and second is not changes nothing.
    assertThatThrownBy(
            () -> d.observe(List.of(cost(ACME, "compute", 30, 900), cost(ACME, "compute", 5, 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.observe(normalCost(ACME, "compute", 29)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("organisation acme service compute")
        .hasMessageContaining(day(29).toString())
        .hasMessageContaining("days in increasing order");
    // Day 30 was not recorded by the refused batch: it is still accepted, and still a spike.
    assertThat(d.observe(cost(ACME, "compute", 30, 900))).hasSize(1);
  }

  @Test
  void sameSeriesAndDayTwiceInABatchIsRejected() {
    CostAnomalyDetector d = CostAnomalyDetector.builder().build();
    assertThatThrownBy(
            () ->
                d.observe(List.of(normalCost(ACME, "compute", 0), normalCost(ACME, "compute", 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appears twice");
    assertThat(d.observe(normalCost(ACME, "compute", 0))).isEmpty();
  }

  @Test
  void seriesChangingCurrencyIsRejected() {
    CostAnomalyDetector d = CostAnomalyDetector.builder().build();
    d.observe(normalCost(ACME, "compute", 0));
    DailyCost euros =
        new DailyCost(ACME, "compute", day(1), Money.of(BigDecimal.TEN, Money.currency("EUR")));
    assertThatThrownBy(() -> d.observe(euros))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EUR")
        .hasMessageContaining("USD")
        .hasMessageContaining("one currency per scope and service");
  }

  @Test
  void builderRejectsBadValuesNamingTheSetting() {
    assertThatThrownBy(() -> CostAnomalyDetector.builder().threshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold is 0.0; allowed: a finite number > 0");
    assertThatThrownBy(() -> CostAnomalyDetector.builder().minHistoryDays(7))
        .hasMessage("minHistoryDays is 7; allowed: 14 to 366");
    assertThatThrownBy(() -> CostAnomalyDetector.builder().minImpact(BigDecimal.valueOf(-1)))
        .hasMessage("minImpact is -1; allowed: >= 0");
    assertThatThrownBy(() -> CostAnomalyDetector.builder().updateStepPercent(BigDecimal.ZERO))
        .hasMessage("updateStepPercent is 0; allowed: > 0");
    assertThatThrownBy(() -> CostAnomalyDetector.builder().maxOpenPerScope(0))
        .hasMessage("maxOpenPerScope is 0; allowed: at least 1");
    assertThatThrownBy(() -> CostAnomalyDetector.builder().lookbackWeeks(53))
        .hasMessage("lookbackWeeks is 53; allowed: 1 to 52");
    assertThatThrownBy(() -> CostAnomalyDetector.builder().clock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock");
  }

  @Test
  void builderRejectsASettingTwiceAndConflictingSettings() {
    assertThatThrownBy(() -> CostAnomalyDetector.builder().threshold(3).threshold(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("threshold was already set");
    assertThatThrownBy(
            () -> CostAnomalyDetector.builder().minHistoryDays(28).newNormalAfterDays(14).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("newNormalAfterDays >= minHistoryDays");
  }

  @Test
  void configKeepsTheDefaults() {
    CostAnomalyConfig c = CostAnomalyDetector.builder().build().config();
    assertThat(c.threshold()).isEqualTo(3.5);
    assertThat(c.minHistoryDays()).isEqualTo(14);
    assertThat(c.lookbackWeeks()).isEqualTo(4);
    assertThat(c.detectDecreases()).isFalse();
    assertThat(c.minImpactPercent()).isEqualByComparingTo("10");
  }

  @Test
  void closedAnomaliesAreRetainedUpToTheCap() {
    CostAnomalyDetector d = CostAnomalyDetector.builder().retainClosedPerScope(1).build();
    for (int i = 0; i < 60; i++) {
      d.observe(cost(ACME, "compute", i, i == 30 || i == 45 ? 500 : normal(i)));
    }
    assertThat(d.anomalies(ACME))
        .singleElement()
        .satisfies(a -> assertThat(a.start()).isEqualTo(day(45)));
  }
}
