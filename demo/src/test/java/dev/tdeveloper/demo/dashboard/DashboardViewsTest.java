package dev.tdeveloper.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The views' validation: a bad value names the field and what is allowed. */
class DashboardViewsTest {
  private static SloView slo(
      double objective, double budget, Map<String, Double> rates, List<Double> spark) {
    return new SloView(
        "availability", Optional.empty(), objective, budget, rates, spark, List.of());
  }

  @Test
  void sloViewRejectsOutOfRangeValues() {
    assertThatThrownBy(() -> slo(1.0, 1, Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("objective of SLO availability: 1.0")
        .hasMessageContaining("strictly between 0 and 1");
    assertThatThrownBy(() -> slo(0.99, Double.NaN, Map.of(), List.of()))
        .hasMessageContaining("budgetRemaining of SLO availability: NaN");
    assertThatThrownBy(() -> slo(0.99, 1.5, Map.of(), List.of()))
        .hasMessageContaining("budgetRemaining of SLO availability: 1.5; allowed: finite, <= 1");
    assertThatThrownBy(() -> slo(0.99, 1, Map.of("5m", -1.0), List.of()))
        .hasMessageContaining("burnRates[5m] of SLO availability: -1.0");
    assertThatThrownBy(() -> slo(0.99, 1, Map.of(), List.of(Double.POSITIVE_INFINITY)))
        .hasMessageContaining("sparkline of SLO availability: Infinity");
    assertThatThrownBy(
            () -> slo(0.99, 1, Map.of(), Collections.nCopies(SloView.MAX_SPARKLINE + 1, 1.0)))
        .hasMessageContaining("501 points; allowed: <= 500");
    assertThatThrownBy(
            () -> new SloView(" ", Optional.empty(), 0.9, 1, Map.of(), List.of(), List.of()))
        .hasMessageContaining("id: ' '");
  }

  @Test
  void sloViewAcceptsAnOverspentBudgetAndCopiesItsLists() {
    List<Double> spark = new ArrayList<>(List.of(1.0, 2.0));
    SloView view = slo(0.999, -0.5, Map.of("1h", 2.0, "5m", 3.0), spark);
    spark.add(99.0);

    assertThat(view.budgetRemaining()).isEqualTo(-0.5);
    assertThat(view.sparkline()).containsExactly(1.0, 2.0);
    assertThat(view.burnRates().keySet()).containsExactly("1h", "5m");
  }

  @Test
  void incidentViewRejectsBlankFieldsAndEmptyIncidents() {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(
            () -> new IncidentView("i", "t", Optional.empty(), "critical", "triggered", at, "x", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alertCount of incident i: 0; allowed: >= 1");
    assertThatThrownBy(
            () -> new IncidentView("i", "", Optional.empty(), "critical", "triggered", at, "x", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("title: ''; allowed: non-blank text");
    assertThatThrownBy(
            () ->
                new IncidentView("i", "t", Optional.empty(), "critical", "triggered", null, "x", 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("openedAt");
  }
}
