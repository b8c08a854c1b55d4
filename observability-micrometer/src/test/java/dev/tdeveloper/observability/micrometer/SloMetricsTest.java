package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.observability.slo.AlertState;
import dev.tdeveloper.observability.slo.BurnRateEvaluator;
import dev.tdeveloper.observability.slo.SliRecorder;
import dev.tdeveloper.observability.slo.Slo;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SloMetricsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final TenantId INITECH = TenantId.of("initech");

  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TenantCardinalityGuard guard =
      TenantCardinalityGuard.builder().topTenants(1).clock(clock).build();
  private final Slo slo = Slo.builder("availability").objective(0.99).build();
  private final SliRecorder recorder = SliRecorder.create(clock, List.of(slo));
  private final BurnRateEvaluator evaluator = BurnRateEvaluator.create(recorder, alert -> {});
  private final TdeveloperMetrics metrics =
      TdeveloperMetrics.builder(registry).tenantGuard(guard).clock(clock).build();

  private void record(TenantId tenant, int good, int bad) {
    recorder.series(slo, tenant).record(good, bad);
  }

  private double gauge(String name, String tenant, String... tags) {
    return registry
        .get(name)
        .tag("slo", "availability")
        .tag("tenant", tenant)
        .tags(tags)
        .gauge()
        .value();
  }

  /** Lets the next gauge read ask the evaluator again, and publishes once to register meters. */
  private void scrape() {
    clock.advance(Duration.ofSeconds(1));
    registry.getMeters().forEach(m -> m.measure().forEach(x -> x.getValue()));
  }

  @Test
  void budgetBurnRatesAlertStatesAndEventsOfATenantAreGauges() {
    guard.tag(ACME);
    metrics.bind(evaluator);
    record(ACME, 90, 10); // error ratio 0.1 against a budget of 0.01: burn rate 10
    evaluator.evaluate();
    scrape();

    assertThat(gauge("tdeveloper.slo.budget.remaining", "acme")).isCloseTo(-9, within(1e-9));
    assertThat(gauge("tdeveloper.slo.events", "acme", "outcome", "good")).isEqualTo(90);
    assertThat(gauge("tdeveloper.slo.events", "acme", "outcome", "bad")).isEqualTo(10);
    for (String window : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d")) {
      assertThat(gauge("tdeveloper.slo.burn.rate", "acme", "window", window))
          .as(window)
          .isCloseTo(10, within(1e-9));
    }
    // burn 10 stays under the page factors 14.4, exceeds the 6x (page) and 3x/1x (ticket) ones
    assertThat(gauge("tdeveloper.slo.alert.state", "acme", "long_window", "1h")).isZero();
    assertThat(gauge("tdeveloper.slo.alert.state", "acme", "long_window", "6h"))
        .isGreaterThanOrEqualTo(1);
    assertThat(registry.get("tdeveloper.slo.series").gauge().value()).isEqualTo(1);
  }

  @Test
  void gaugesFollowEachEvaluationAndAFiringRuleReadsTwo() {
    guard.tag(ACME);
    metrics.bind(evaluator);
    record(ACME, 100, 0);
    evaluator.evaluate();
    scrape();
    assertThat(gauge("tdeveloper.slo.burn.rate", "acme", "window", "5m")).isZero();
    assertThat(gauge("tdeveloper.slo.budget.remaining", "acme")).isEqualTo(1);

    for (int minute = 0; minute < 15; minute++) {
      clock.advance(Duration.ofMinutes(1));
      evaluator.evaluate();
      record(ACME, 0, 100);
    }
    clock.advance(Duration.ofMinutes(1));
    evaluator.evaluate();
    assertThat(evaluator.status(slo, ACME).orElseThrow().rules().get(0).state())
        .isEqualTo(AlertState.FIRING);
    scrape();
    assertThat(
            gauge(
                "tdeveloper.slo.alert.state",
                "acme",
                "severity",
                "critical",
                "long_window",
                "1h",
                "short_window",
                "5m"))
        .isEqualTo(2);
    assertThat(gauge("tdeveloper.slo.burn.rate", "acme", "window", "5m"))
        .isCloseTo(100, within(1e-9));
  }

  @Test
  void tenantsWithoutTheirOwnTagShareOtherWhichShowsTheWorstOfThem() {
    guard.tag(ACME); // the only tenant with its own tag (top 1)
    metrics.bind(evaluator);
    record(ACME, 100, 0);
    record(GLOBEX, 99, 1); // burn 1
    record(INITECH, 95, 5); // burn 5
    evaluator.evaluate();
    scrape();

    assertThat(gauge("tdeveloper.slo.burn.rate", "other", "window", "30d"))
        .isCloseTo(5, within(1e-9));
    assertThat(gauge("tdeveloper.slo.budget.remaining", "other")).isCloseTo(-4, within(1e-9));
    assertThat(gauge("tdeveloper.slo.events", "other", "outcome", "bad")).isEqualTo(6);
    assertThat(gauge("tdeveloper.slo.budget.remaining", "acme")).isEqualTo(1);
    Set<String> tenants =
        registry.find("tdeveloper.slo.budget.remaining").gauges().stream()
            .map(g -> g.getId().getTag("tenant"))
            .collect(Collectors.toSet());
    assertThat(tenants).containsExactlyInAnyOrder("acme", "other");
  }

  @Test
  void aThousandTenantsMakeAtMostTopNPlusOneSeriesPerGauge() {
    TenantCardinalityGuard wide =
        TenantCardinalityGuard.builder().topTenants(5).clock(clock).build();
    TdeveloperMetrics bounded =
        TdeveloperMetrics.builder(registry).tenantGuard(wide).clock(clock).build();
    for (int i = 0; i < 1_000; i++) {
      TenantId tenant = TenantId.of("t-" + i);
      wide.tag(tenant);
      record(tenant, 10, i % 2);
    }
    bounded.bind(evaluator);
    evaluator.evaluate();
    scrape();
    List<Gauge> budgets =
        new ArrayList<>(registry.find("tdeveloper.slo.budget.remaining").gauges());
    assertThat(budgets).hasSize(6);
    assertThat(registry.find("tdeveloper.slo.burn.rate").tag("window", "5m").gauges()).hasSize(6);
    assertThat(registry.get("tdeveloper.slo.series").gauge().value()).isEqualTo(1_000);
  }

  @Test
  void aDemotedTenantsGaugesMoveToOther() {
    guard.tag(ACME);
    metrics.bind(evaluator);
    record(ACME, 10, 0);
    record(GLOBEX, 10, 0);
    evaluator.evaluate();
    scrape();
    assertThat(registry.find("tdeveloper.slo.budget.remaining").tag("tenant", "acme").gauge())
        .isNotNull();
    for (int i = 0; i < 10; i++) {
      guard.tag(GLOBEX);
    }
    guard.rerank();
    clock.advance(Duration.ofMinutes(1));
    evaluator.evaluate();
    scrape();
    assertThat(registry.find("tdeveloper.slo.budget.remaining").tag("tenant", "acme").gauge())
        .isNull();
    assertThat(registry.find("tdeveloper.slo.budget.remaining").tag("tenant", "globex").gauge())
        .isNotNull();
    assertThat(registry.find("tdeveloper.slo.budget.remaining").tag("tenant", "other").gauge())
        .isNotNull();
  }

  @Test
  void aRemovedSeriesLeavesTheRegistryAfterTheNextEvaluation() {
    guard.tag(ACME);
    metrics.bind(evaluator);
    record(ACME, 10, 0);
    evaluator.evaluate();
    scrape();
    assertThat(registry.find("tdeveloper.slo.budget.remaining").gauges()).hasSize(1);
    recorder.remove(slo, ACME);
    clock.advance(Duration.ofMinutes(1));
    evaluator.evaluate();
    scrape();
    assertThat(registry.find("tdeveloper.slo.budget.remaining").gauges()).isEmpty();
    assertThat(registry.get("tdeveloper.slo.series").gauge().value()).isZero();
  }

  @Test
  void aSecondEvaluatorIsRefusedSoTheirGaugesNeverMix() {
    metrics.bind(evaluator);
    BurnRateEvaluator second = BurnRateEvaluator.create(recorder, alert -> {});
    assertThatThrownBy(() -> metrics.bind(second))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already bound");
  }

  @Test
  void gaugesKeepTheCachedSnapshotUntilTheEvaluatorEvaluatesAgain() {
    guard.tag(ACME);
    metrics.bind(evaluator);
    record(ACME, 100, 0);
    evaluator.evaluate();
    scrape();
    record(ACME, 0, 100); // recorded, not yet evaluated
    scrape();
    assertThat(gauge("tdeveloper.slo.events", "acme", "outcome", "bad")).isZero();
    clock.advance(Duration.ofMinutes(1));
    evaluator.evaluate();
    scrape();
    assertThat(gauge("tdeveloper.slo.events", "acme", "outcome", "bad")).isEqualTo(100);
  }
}
