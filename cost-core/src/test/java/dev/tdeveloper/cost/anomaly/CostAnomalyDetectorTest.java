package dev.tdeveloper.cost.anomaly;

import static dev.tdeveloper.cost.anomaly.Days.cost;
import static dev.tdeveloper.cost.anomaly.Days.day;
import static dev.tdeveloper.cost.anomaly.Days.normal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostAnomalyDetectorTest {
  private static final CostScope ACME = CostScope.organisation("acme");
  private final ManualClock clock = new ManualClock(Instant.parse("2024-06-01T00:00:00Z"));
  private final List<AnomalyEvent> heard = new ArrayList<>();

  private CostAnomalyDetectorBuilder builder() {
    return CostAnomalyDetector.builder().clock(clock).listener(heard::add);
  }

  /** Feeds days [from, to) of normal spend, except the overrides (day -> amount). */
  private static List<AnomalyEvent> feed(
      CostAnomalyDetector d, String service, int from, int to, double... overrides) {
    List<AnomalyEvent> events = new ArrayList<>();
    for (int i = from; i < to; i++) {
      double amount = normal(i);
      for (int k = 0; k + 1 < overrides.length; k += 2) {
        if ((int) overrides[k] == i) {
          amount = overrides[k + 1];
        }
      }
      events.addAll(d.observe(cost(ACME, service, i, amount)));
    }
    return events;
  }

  @Test
  void noDetectionBeforeTheMinimumHistory() {
    CostAnomalyDetector d = builder().build();
    assertThat(feed(d, "compute", 0, 14, 10, 5_000)).isEmpty();
    assertThat(d.anomalies(ACME)).isEmpty();
  }

  @Test
  void spikeOfThreeDaysIsOneAnomalyOpenedThenClosed() {
    CostAnomalyDetector d = builder().build();
    List<AnomalyEvent> events = feed(d, "compute", 0, 50, 30, 300, 31, 300, 32, 300);
    // Opened, then the impact doubles and grows by half (both >= the 25% step), then closed.
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("AnomalyOpened", "AnomalyUpdated", "AnomalyUpdated", "AnomalyClosed");
    AnomalyOpened opened = (AnomalyOpened) events.get(0);
    assertThat(opened.anomaly().start()).isEqualTo(day(30));
    assertThat(opened.anomaly().isOpen()).isTrue();
    assertThat(opened.at()).isEqualTo(clock.instant());
    AnomalyClosed closed = (AnomalyClosed) events.get(3);
    assertThat(closed.reason()).isEqualTo(AnomalyClosed.Reason.RETURNED_TO_NORMAL);
    CostAnomaly a = closed.anomaly();
    assertThat(a.end()).contains(day(32));
    assertThat(a.days()).isEqualTo(3);
    assertThat(a.actual()).isEqualTo(Money.of("900", "USD"));
    assertThat(a.expected().amount().doubleValue()).isBetween(285.0, 315.0);
    assertThat(a.impact()).isEqualTo(a.actual().minus(a.expected()));
    assertThat(a.impactPercent().orElseThrow().doubleValue()).isGreaterThan(150);
    assertThat(a.maxScore()).isGreaterThan(3.5);
    assertThat(a.rootCauses())
        .singleElement()
        .satisfies(r -> assertThat(r.service()).isEqualTo("compute"));
    assertThat(heard).isEqualTo(events);
    assertThat(d.anomalies(ACME)).containsExactly(a);
  }

  @Test
  void anomalousDaysStayOutOfTheBaseline() {
    CostAnomalyDetector d = builder().build();
    feed(d, "compute", 0, 29);
    // Day 29 and 36 share a weekday; were the spike admitted, day 36's baseline would rise.
    feed(d, "compute", 29, 31, 29, 400);
    List<AnomalyEvent> later = feed(d, "compute", 31, 40, 36, 400);
    assertThat(later).filteredOn(AnomalyOpened.class::isInstance).hasSize(1);
  }

  @Test
  void updatesOnlyWhenTheImpactGrowsByTheStep() {
    CostAnomalyDetector d = builder().updateStepPercent(BigDecimal.valueOf(50)).build();
    feed(d, "compute", 0, 29);
    // Mondays-to-Fridays from day 29 (a Tuesday): impacts of about 100, 10, 200.
    List<AnomalyEvent> events =
        feed(d, "compute", 29, 32, 29, normal(29) + 100, 30, normal(30) + 25, 31, normal(31) + 200);
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(AnomalyOpened.class);
    AnomalyUpdated updated = (AnomalyUpdated) events.get(1);
    assertThat(updated.anomaly().days()).isEqualTo(3);
    assertThat(updated.previousImpact().amount().doubleValue()).isBetween(90.0, 110.0);
  }

  @Test
  void impactsBelowTheAbsoluteOrPercentageThresholdAreNotAnomalies() {
    CostAnomalyDetector absolute = builder().minImpact(BigDecimal.valueOf(50)).build();
    assertThat(feed(absolute, "compute", 0, 40, 30, normal(30) + 40)).isEmpty();
    CostAnomalyDetector percent =
        CostAnomalyDetector.builder().minImpactPercent(BigDecimal.valueOf(50)).build();
    assertThat(feed(percent, "compute", 0, 40, 30, normal(30) + 40)).isEmpty();
    CostAnomalyDetector both =
        CostAnomalyDetector.builder()
            .minImpact(BigDecimal.valueOf(30))
            .minImpactPercent(BigDecimal.valueOf(30))
            .build();
    assertThat(feed(both, "compute", 0, 40, 30, normal(30) + 40)).hasSize(2);
  }

  @Test
  void decreasesAreIgnoredUnlessEnabled() {
    CostAnomalyDetector up = builder().build();
    assertThat(feed(up, "compute", 0, 40, 30, 5)).isEmpty();
    CostAnomalyDetector both = CostAnomalyDetector.builder().detectDecreases(true).build();
    List<AnomalyEvent> events = feed(both, "compute", 0, 40, 30, 5);
    assertThat(events).hasSize(2);
    CostAnomaly a = ((AnomalyClosed) events.get(1)).anomaly();
    assertThat(a.direction()).isEqualTo(CostAnomaly.Direction.DECREASE);
    assertThat(a.impact().isNegative()).isTrue();
  }

  @Test
  void lastingShiftBecomesTheNewNormalAndStopsAlerting() {
    CostAnomalyDetector d = builder().build();
    feed(d, "compute", 0, 28);
    List<AnomalyEvent> events = new ArrayList<>();
    for (int i = 28; i < 80; i++) {
      events.addAll(d.observe(cost(ACME, "compute", i, normal(i) * 2)));
    }
    assertThat(events.get(0)).isInstanceOf(AnomalyOpened.class);
    List<AnomalyEvent> closes = events.stream().filter(AnomalyClosed.class::isInstance).toList();
    assertThat(closes)
        .singleElement()
        .satisfies(
            c -> {
              AnomalyClosed closed = (AnomalyClosed) c;
              assertThat(closed.reason()).isEqualTo(AnomalyClosed.Reason.NEW_NORMAL);
              assertThat(closed.anomaly().days()).isEqualTo(14);
            });
    assertThat(events.stream().filter(AnomalyOpened.class::isInstance)).hasSize(1);
    assertThat(d.openAnomalies(ACME)).isEmpty();
  }

  @Test
  void scopeTotalRanksServicesByContribution() {
    CostAnomalyDetector d = builder().build();
    List<AnomalyEvent> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double compute = i == 30 ? normal(i) + 150 : normal(i);
      double storage = i == 30 ? 55 : 50;
      events.addAll(
          d.observe(
              List.of(
                  cost(ACME, "compute", i, compute),
                  cost(ACME, "storage", i, storage),
                  cost(ACME, "*", i, compute + storage))));
    }
    CostAnomaly total =
        events.stream()
            .filter(AnomalyClosed.class::isInstance)
            .map(e -> ((AnomalyClosed) e).anomaly())
            .filter(a -> a.service().equals("*"))
            .findFirst()
            .orElseThrow();
    assertThat(total.rootCauses())
        .extracting(RootCause::service)
        .containsExactly("compute", "storage");
    assertThat(total.rootCauses().get(0).sharePercent().doubleValue()).isBetween(85.0, 100.0);
    assertThat(total.rootCauses()).allSatisfy(r -> assertThat(r.scope()).isEqualTo(ACME));
  }

  @Test
  void capOnOpenAnomaliesPerScopeOpensTheLargestAndSuppressesTheRest() {
    CostAnomalyDetector d = builder().maxOpenPerScope(1).build();
    List<AnomalyEvent> events = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      events.addAll(
          d.observe(
              List.of(
                  cost(ACME, "a", i, i == 30 ? 300 : normal(i)),
                  cost(ACME, "b", i, i == 30 ? 500 : normal(i)))));
    }
    assertThat(events).hasSize(2);
    assertThat(((AnomalyOpened) events.get(0)).anomaly().service()).isEqualTo("b");
    AnomalySuppressed suppressed = (AnomalySuppressed) events.get(1);
    assertThat(suppressed.service()).isEqualTo("a");
    assertThat(suppressed.day()).isEqualTo(day(30));
    assertThat(d.openAnomalies(ACME)).hasSize(1);
  }

  @Test
  void listenerThatThrowsDoesNotStopDetection() {
    CostAnomalyDetector d =
        CostAnomalyDetector.builder()
            .listener(
                e -> {
                  throw new IllegalStateException("listener down");
                })
            .listener(heard::add)
            .build();
    List<AnomalyEvent> events = feed(d, "compute", 0, 40, 30, 400);
    assertThat(events).hasSize(2);
    assertThat(heard).isEqualTo(events);
  }

  @Test
  void normalSeriesNeverAlerts() {
    CostAnomalyDetector d = builder().build();
    assertThat(feed(d, "compute", 0, 200)).isEmpty();
  }
}
