package dev.tdeveloper.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The standard alert set on a 99.9% 30-day SLO fed 1000 events a minute: after 74 hours of clean
 * traffic, 2% of events fail (burn rate 20). Evaluations run each minute; "k" counts the minutes of
 * errors seen at an evaluation. Each test derives the minute its rule fires at from the windows
 * (the open minute plus the window's minutes before it; hour windows: the open hour plus the whole
 * hours before it).
 */
class BurnRateEvaluatorTest {
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  final ManualClock clock = new ManualClock(START);
  final List<Alert> sent = new ArrayList<>();
  Slo slo;
  SliRecorder recorder;
  BurnRateEvaluator evaluator;
  SliSeries acme;

  @BeforeEach
  void setUp() {
    slo =
        Slo.builder("availability")
            .objective(0.999)
            .labels(Labels.of("plan", "pro"))
            .description("99.9% of requests succeed")
            .build();
    start(slo);
  }

  void start(Slo s) {
    slo = s;
    recorder = SliRecorder.create(clock, List.of(s));
    evaluator = BurnRateEvaluator.create(recorder, sent::add);
    acme = recorder.series(s, ACME);
    for (int m = 0; m < 74 * 60; m++) {
      minute(0);
    }
    sent.clear();
  }

  /** One minute of 1000 events, {@code bad} of them failing, then an evaluation. */
  void minute(int bad) {
    acme.record(1000 - bad, bad);
    clock.advance(Duration.ofMinutes(1));
    evaluator.evaluate();
  }

  /** Runs {@code minutes} minutes of 2% errors. */
  void errors(int minutes) {
    for (int i = 0; i < minutes; i++) {
      minute(20);
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

  @Test
  void fastPageFiresTwoMinutesAfterTheHourWindowBurnsAbove14point4() {
    // long: 20 * k / 60 > 14.4 from k = 44 (14.67; k = 43 gives 14.33); short 5m: 20. for: 2m.
    errors(43);
    assertThat(rule(0).state()).isEqualTo(AlertState.INACTIVE);
    errors(1);
    assertThat(rule(0).state()).isEqualTo(AlertState.PENDING);
    assertThat(rule(0).longBurnRate()).isCloseTo(20.0 * 44 / 60, within());
    errors(1);
    assertThat(rule(0).state()).isEqualTo(AlertState.PENDING);
    assertThat(sentFor("1h")).isEmpty();
    errors(1);
    assertThat(rule(0).state()).isEqualTo(AlertState.FIRING);
    Alert alert = sentFor("1h").get(0);
    assertThat(alert.labels().asMap())
        .containsEntry("alertname", BurnRateEvaluator.ALERTNAME)
        .containsEntry("slo", "availability")
        .containsEntry("tenant", "acme")
        .containsEntry("severity", "critical")
        .containsEntry("long_window", "1h")
        .containsEntry("short_window", "5m")
        .containsEntry("plan", "pro");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.startsAt()).isEqualTo(START.plus(Duration.ofMinutes(74 * 60 + 44)));
    assertThat(alert.annotations()).containsKeys("summary", "burn_rate_long", "budget_remaining");
    assertThat(alert.annotations().get("burn_rate_short")).isEqualTo("20.0000");
  }

  @Test
  void fastPageResolvesTwoMinutesAfterErrorsStopAndIsSentOnce() {
    errors(50);
    int firingBefore = sentFor("1h").size();
    assertThat(firingBefore).isEqualTo(5); // k = 46..50, one per evaluation
    minute(0); // short window: 4 error minutes of 5: burn 16 > 14.4
    assertThat(rule(0).state()).isEqualTo(AlertState.FIRING);
    minute(0); // 3 of 5: burn 12
    assertThat(rule(0).state()).isEqualTo(AlertState.RESOLVED);
    List<Alert> page = sentFor("1h");
    Alert resolved = page.get(page.size() - 1);
    assertThat(resolved.endsAt()).contains(clock.instant());
    assertThat(resolved.labels()).isEqualTo(page.get(0).labels());
    minute(0);
    minute(0);
    assertThat(rule(0).state()).isEqualTo(AlertState.INACTIVE);
    assertThat(sentFor("1h")).hasSize(firingBefore + 2);
  }

  @Test
  void slowPageFiresFifteenMinutesAfterTheSixHourWindowBurnsAbove6() {
    // long: 20 * k / 360 > 6 from k = 109 (k = 108 gives exactly 6, not above); for: 15m.
    errors(108);
    assertThat(rule(1).state()).isEqualTo(AlertState.INACTIVE);
    errors(1);
    assertThat(rule(1).state()).isEqualTo(AlertState.PENDING);
    errors(14);
    assertThat(sentFor("6h")).isEmpty();
    errors(1);
    assertThat(rule(1).state()).isEqualTo(AlertState.FIRING);
    assertThat(sentFor("6h"))
        .singleElement()
        .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void dayTicketFiresAnHourAfterTheDayWindowBurnsAbove3() {
    // long (hour buckets): the open hour holds k mod 60 minutes, plus 24 whole hours:
    // 20 * k / (1440 + k mod 60) > 3 first at k = 223 (223 > 0.15 * 1483 = 222.45); for: 1h.
    errors(222);
    assertThat(rule(2).state()).isEqualTo(AlertState.INACTIVE);
    errors(1);
    assertThat(rule(2).state()).isEqualTo(AlertState.PENDING);
    errors(59);
    assertThat(sentFor("1d")).isEmpty();
    errors(1);
    assertThat(rule(2).state()).isEqualTo(AlertState.FIRING);
    assertThat(sentFor("1d"))
        .singleElement()
        .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void threeDayTicketFiresThreeHoursAfterTheThreeDayWindowBurnsAbove1() {
    // long: 20 * k / (4320 + k mod 60) > 1 first at k = 218 (4360 > 4358); for: 3h.
    errors(217);
    assertThat(rule(3).state()).isEqualTo(AlertState.INACTIVE);
    errors(1);
    assertThat(rule(3).state()).isEqualTo(AlertState.PENDING);
    errors(179);
    assertThat(sentFor("3d")).isEmpty();
    errors(1);
    assertThat(rule(3).state()).isEqualTo(AlertState.FIRING);
    assertThat(sentFor("3d"))
        .singleElement()
        .satisfies(a -> assertThat(a.labels().get("short_window")).contains("6h"));
  }

  @Test
  void blipShorterThanForDoesNotPage() {
    BurnRateAlertSet slowFor =
        new BurnRateAlertSet(
            List.of(
                new BurnRateRule(
                    Severity.CRITICAL,
                    14.4,
                    Duration.ofHours(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(10))));
    start(Slo.builder("blip").objective(0.999).alerts(slowFor).build());
    minute(1000); // one minute of total failure: burn 16.7 over 1h, 200 over 5m
    for (int i = 0; i < 30; i++) {
      minute(0);
    }
    assertThat(sent).isEmpty();
    assertThat(rule(0).state()).isEqualTo(AlertState.INACTIVE);
  }

  @Test
  void sameBlipPagesWithoutForDuration() {
    BurnRateAlertSet noFor =
        new BurnRateAlertSet(
            List.of(
                new BurnRateRule(
                    Severity.CRITICAL,
                    14.4,
                    Duration.ofHours(1),
                    Duration.ofMinutes(5),
                    Duration.ZERO)));
    start(Slo.builder("blip").objective(0.999).alerts(noFor).build());
    minute(1000);
    assertThat(rule(0).state()).isEqualTo(AlertState.FIRING);
    for (int i = 0; i < 30; i++) {
      minute(0);
    }
    // firing while the bad minute is in the 5m window (5 evaluations), then one resolved alert
    assertThat(sent).hasSize(6);
    assertThat(sent.get(5).endsAt()).isPresent();
  }

  @Test
  void errorsOfOneTenantNeverAlertForAnother() {
    SliSeries globex = recorder.series(slo, GLOBEX);
    for (int i = 0; i < 60; i++) {
      globex.record(1000, 0);
      minute(20);
    }
    assertThat(sent).isNotEmpty().allSatisfy(a -> assertThat(a.tenant()).contains("acme"));
    assertThat(evaluator.status(slo, GLOBEX).orElseThrow().worstState())
        .isEqualTo(AlertState.INACTIVE);
    assertThat(evaluator.status(slo, GLOBEX).orElseThrow().budget().counts().bad()).isZero();
  }

  @Test
  void snapshotShowsBudgetRulesAndBoundedBurnHistory() {
    errors(10);
    SloStatus status = evaluator.snapshot().get(0);
    assertThat(status.tenant()).isEqualTo(ACME);
    assertThat(status.at()).isEqualTo(clock.instant());
    assertThat(status.rules()).hasSize(4);
    assertThat(status.burnHistory()).hasSize(BurnRateEvaluator.DEFAULT_HISTORY);
    assertThat(status.burnHistory().get(59)).isCloseTo(20.0 * 10 / 60, within());
    assertThat(status.burnHistory().get(49)).isZero();
    assertThat(status.budget().counts().bad()).isEqualTo(200);
    // 74 h + 10 min of 1000 events: the budget allows 4450 bad events, 200 were spent
    assertThat(status.budget().counts().total()).isEqualTo((74 * 60 + 10) * 1000L);
    assertThat(status.budget().remainingEvents()).isCloseTo(4250, offset(1e-6));
    assertThat(status.budget().remainingFraction()).isCloseTo(1 - 200 / 4450.0, within());
  }

  @Test
  void removedSeriesResolvesItsFiringAlerts() {
    errors(50);
    assertThat(rule(0).state()).isEqualTo(AlertState.FIRING);
    recorder.remove(slo, ACME);
    sent.clear();
    evaluator.evaluate();
    assertThat(sent).isNotEmpty().allSatisfy(a -> assertThat(a.endsAt()).isPresent());
    assertThat(evaluator.snapshot()).isEmpty();
    assertThat(evaluator.status(slo, ACME)).isEqualTo(Optional.empty());
  }

  @Test
  void listenerThatThrowsDoesNotStopTheRound() {
    List<Alert> second = new ArrayList<>();
    evaluator =
        BurnRateEvaluator.create(
            recorder,
            a -> {
              second.add(a);
              throw new IllegalStateException("listener down");
            });
    errors(50);
    assertThat(second).isNotEmpty();
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
