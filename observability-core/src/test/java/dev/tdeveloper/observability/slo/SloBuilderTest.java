package dev.tdeveloper.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloBuilderTest {
  @Test
  void defaultsToThirtyDayRatioOccurrencesWithTheStandardAlerts() {
    Slo slo = Slo.builder("availability").objective(0.999).build();
    assertThat(slo.window()).isEqualTo(Duration.ofDays(30));
    assertThat(slo.sli()).isEqualTo(SliKind.RATIO);
    assertThat(slo.budgeting()).isEqualTo(BudgetingMethod.OCCURRENCES);
    assertThat(slo.alerts()).isEqualTo(BurnRateAlertSet.standard());
    assertThat(slo.errorBudget()).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void everyBadValueNamesFieldValueAndAllowedRange() {
    assertThatThrownBy(() -> Slo.builder("bad id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id: 'bad id' is not allowed; allowed: 1-63 characters");
    assertThatThrownBy(() -> Slo.builder("a").objective(1))
        .hasMessage("objective: 1.0 is not allowed; allowed: above 0 and below 1, such as 0.999");
    assertThatThrownBy(() -> Slo.builder("a").objective(Double.NaN))
        .hasMessageStartingWith("objective: NaN is not allowed");
    assertThatThrownBy(() -> Slo.builder("a").windowDays(14))
        .hasMessage("window: 14 days is not allowed; allowed: 7, 28 or 30 days");
    assertThatThrownBy(() -> Slo.builder("a").latency(Duration.ZERO))
        .hasMessage("latencyThreshold: PT0S is not allowed; allowed: a positive duration");
    assertThatThrownBy(() -> Slo.builder("a").timeslices(Duration.ofMinutes(7), 0.9))
        .hasMessageStartingWith("timeslice: PT7M is not allowed; allowed: whole minutes dividing");
    assertThatThrownBy(() -> Slo.builder("a").timeslices(Duration.ofMinutes(5), 1.5))
        .hasMessage("sliceTarget: 1.5 is not allowed; allowed: above 0, at most 1");
    assertThatThrownBy(() -> Slo.builder("a").labels(Labels.of("tenant", "x")))
        .hasMessageStartingWith("labels: 'tenant' is set by the burn-rate alerts");
    assertThatThrownBy(() -> Slo.builder("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("objective is required");
  }

  @Test
  void badValueLeavesTheBuilderUnchanged() {
    SloBuilder b = Slo.builder("a");
    assertThatThrownBy(() -> b.objective(2)).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.objective(0.99).build().objective()).isEqualTo(0.99);
  }

  @Test
  void eachSettingOnceAndConflictsRejected() {
    assertThatThrownBy(() -> Slo.builder("a").objective(0.9).objective(0.99))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("SLO 'a': objective was already set; each setting may be given once");
    assertThatThrownBy(() -> Slo.builder("a").ratio().latency(Duration.ofMillis(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sli was already set");
  }

  @Test
  void alertWindowLongerThanSloWindowIsRefused() {
    assertThatThrownBy(
            () ->
                Slo.builder("a")
                    .objective(0.99)
                    .windowDays(7)
                    .alerts(
                        new BurnRateAlertSet(
                            List.of(
                                new BurnRateRule(
                                    Severity.WARNING,
                                    1,
                                    Duration.ofHours(200),
                                    Duration.ofHours(1),
                                    Duration.ZERO))))
                    .build())
        .hasMessage(
            "alerts: long window 200h is longer than the SLO window 7d; allowed: windows up to the"
                + " SLO window");
  }

  @Test
  void standardSetIsTheWorkbooksFourAlerts() {
    assertThat(BurnRateAlertSet.standard().rules())
        .extracting(BurnRateRule::toString)
        .containsExactly(
            "critical 14.4x over 1h/5m for 2m",
            "critical 6.0x over 6h/30m for 15m",
            "warning 3.0x over 1d/2h for 1h",
            "warning 1.0x over 3d/6h for 3h");
  }

  @Test
  void standardSetScalesByWindowRatioForSevenAndTwentyEightDays() {
    assertThat(BurnRateAlertSet.standardFor(Duration.ofDays(28)).rules())
        .extracting(BurnRateRule::toString)
        .containsExactly(
            "critical 14.4x over 56m/5m for 2m",
            "critical 6.0x over 336m/28m for 14m",
            "warning 3.0x over 22h/112m for 56m",
            "warning 1.0x over 67h/336m for 168m");
    assertThat(BurnRateAlertSet.standardFor(Duration.ofDays(7)).rules())
        .extracting(BurnRateRule::toString)
        .containsExactly(
            "critical 14.4x over 14m/1m for 1m",
            "critical 6.0x over 84m/7m for 4m",
            "warning 3.0x over 336m/28m for 14m",
            "warning 1.0x over 17h/84m for 42m");
  }

  @Test
  void ruleAndSetValidation() {
    assertThatThrownBy(
            () ->
                new BurnRateRule(
                    Severity.CRITICAL,
                    0,
                    Duration.ofHours(1),
                    Duration.ofMinutes(5),
                    Duration.ZERO))
        .hasMessage("factor: 0.0 is not allowed; allowed: a finite number above 0");
    assertThatThrownBy(
            () ->
                new BurnRateRule(
                    Severity.CRITICAL,
                    1,
                    Duration.ofMinutes(400),
                    Duration.ofMinutes(5),
                    Duration.ZERO))
        .hasMessageStartingWith("longWindow: 400m must be whole hours when longer than 6 hours");
    BurnRateRule rule =
        new BurnRateRule(
            Severity.CRITICAL, 1, Duration.ofHours(1), Duration.ofMinutes(5), Duration.ZERO);
    assertThatThrownBy(() -> new BurnRateAlertSet(List.of(rule, rule)))
        .hasMessageContaining("two rules with severity critical and windows 1h/5m");
    assertThatThrownBy(() -> new BurnRateAlertSet(List.of())).hasMessageContaining("empty");
  }
}
