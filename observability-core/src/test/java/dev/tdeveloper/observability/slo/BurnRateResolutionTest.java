package dev.tdeveloper.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each alert of the standard set on a 99.9% 30-day SLO resolves at the documented point once errors
 * stop: the first evaluation where the short window's burn rate is no longer above the factor
 * (while the long window still is), with exactly one resolved alert carrying {@code endsAt}. The
 * stream is {@link BurnRateEvaluatorTest}'s: 1000 events a minute, 2% failing (burn rate 20) after
 * 74 clean hours, one evaluation a minute. After {@code j} clean minutes a short window of {@code
 * S} minutes holds {@code S - j} error minutes: burn {@code 20 * (S - j) / S}.
 */
class BurnRateResolutionTest {
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  static final TenantId ACME = TenantId.of("acme");

  final ManualClock clock = new ManualClock(START);
  final List<Alert> sent = new ArrayList<>();
  Slo slo;
  BurnRateEvaluator evaluator;
  SliSeries acme;

  @BeforeEach
  void setUp() {
    slo = Slo.builder("availability").objective(0.999).build();
    SliRecorder recorder = SliRecorder.create(clock, List.of(slo));
    evaluator = BurnRateEvaluator.create(recorder, sent::add);
    acme = recorder.series(slo, ACME);
    minutes(74 * 60, 0);
    sent.clear();
  }

  void minutes(int count, int bad) {
    for (int i = 0; i < count; i++) {
      acme.record(1000 - bad, bad);
      clock.advance(Duration.ofMinutes(1));
      evaluator.evaluate();
    }
  }

  RuleStatus rule(int index) {
    return evaluator.status(slo, ACME).orElseThrow().rules().get(index);
  }

  List<Alert> sentFor(String longWindow) {
    return sent.stream()
        .filter(a -> a.labels().get("long_window").orElseThrow().equals(longWindow))
        .toList();
  }

  /**
   * Burns until rule {@code index} fires, stops the errors and checks that it still fires after
   * {@code resolveAfter - 1} clean minutes, resolves at {@code resolveAfter} with one alert ending
   * now, and is inactive and silent afterwards.
   */
  void firesThenResolvesAfter(int index, String longWindow, int errorMinutes, int resolveAfter) {
    minutes(errorMinutes, 20);
    assertThat(rule(index).state()).isEqualTo(AlertState.FIRING);
    minutes(resolveAfter - 1, 0);
    assertThat(rule(index).state()).isEqualTo(AlertState.FIRING);
    assertThat(rule(index).longBurnRate()).isGreaterThan(rule(index).rule().factor());
    int before = sentFor(longWindow).size();
    assertThat(sentFor(longWindow)).allSatisfy(a -> assertThat(a.endsAt()).isEmpty());
    minutes(1, 0);
    assertThat(rule(index).state()).isEqualTo(AlertState.RESOLVED);
    List<Alert> alerts = sentFor(longWindow);
    assertThat(alerts).hasSize(before + 1);
    Alert resolved = alerts.get(alerts.size() - 1);
    assertThat(resolved.endsAt()).contains(clock.instant());
    assertThat(resolved.labels()).isEqualTo(alerts.get(0).labels());
    minutes(30, 0);
    assertThat(rule(index).state()).isEqualTo(AlertState.INACTIVE);
    assertThat(sentFor(longWindow)).hasSize(before + 1);
  }

  @Test
  void slowPageResolvesWhenTheThirtyMinuteWindowFallsToSix() {
    // fires at k = 124 (109 + for 15m); short 30m: 20 * (30 - j) / 30 > 6 until j = 21
    firesThenResolvesAfter(1, "6h", 130, 21);
  }

  @Test
  void dayTicketResolvesWhenTheTwoHourWindowFallsToThree() {
    // fires at k = 283 (223 + for 1h); short 2h: 20 * (120 - j) / 120 > 3 until j = 102
    firesThenResolvesAfter(2, "1d", 290, 102);
  }

  @Test
  void threeDayTicketResolvesWhenTheSixHourWindowFallsToOne() {
    // fires at k = 398 (218 + for 3h); short 6h: 20 * (360 - j) / 360 > 1 until j = 342
    firesThenResolvesAfter(3, "3d", 400, 342);
  }
}
