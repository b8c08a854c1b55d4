package dev.tdeveloper.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloConfigLoaderTest {
  static final Path DIR = Path.of("src/test/resources/slo");

  @Test
  void loadsSlosWithTheStandardAlertSetScaledToEachWindow() {
    SloConfig config = SloConfigLoader.load(DIR.resolve("slos.yaml"));
    assertThat(config.slos())
        .extracting(Slo::id)
        .containsExactly("availability", "latency", "uptime");
    Slo availability = config.slo("availability").orElseThrow();
    assertThat(availability.objective()).isEqualTo(0.999);
    assertThat(availability.labels().get("plan")).contains("pro");
    assertThat(availability.alerts()).isEqualTo(BurnRateAlertSet.standard());
    Slo latency = config.slo("latency").orElseThrow();
    assertThat(latency.sli()).isEqualTo(SliKind.LATENCY);
    assertThat(latency.latencyThreshold()).contains(Duration.ofMillis(300));
    assertThat(latency.alerts().rules().get(0).longWindow()).isEqualTo(Duration.ofMinutes(56));
    Slo uptime = config.slo("uptime").orElseThrow();
    assertThat(uptime.budgeting()).isEqualTo(BudgetingMethod.TIMESLICES);
    assertThat(uptime.window()).isEqualTo(Duration.ofDays(7));
    assertThat(uptime.sliceTarget().getAsDouble()).isEqualTo(0.95);
    assertThat(config.alerts()).isEmpty();
  }

  @Test
  void fileOverridesTheAlertSetScaledToEachWindow() {
    SloConfig config =
        SloConfigLoader.parse(
            "slos.yaml",
            """
            alerts:
              - severity: page
                factor: 10
                longWindow: 2h
                shortWindow: 10m
                for: 5m
              - {severity: ticket, factor: 2, longWindow: 2d, shortWindow: 4h}
            slos:
              monthly: {objective: 0.99}
              weekly: {objective: 0.99, window: 7d}
            """);
    BurnRateAlertSet monthly = config.slo("monthly").orElseThrow().alerts();
    assertThat(monthly.rules())
        .containsExactly(
            new BurnRateRule(
                Severity.CRITICAL,
                10,
                Duration.ofHours(2),
                Duration.ofMinutes(10),
                Duration.ofMinutes(5)),
            new BurnRateRule(
                Severity.WARNING, 2, Duration.ofDays(2), Duration.ofHours(4), Duration.ZERO));
    assertThat(config.slo("weekly").orElseThrow().alerts().rules().get(0).longWindow())
        .isEqualTo(Duration.ofMinutes(28));
  }

  @Test
  void everyBadFieldIsReportedWithFileLineAndColumn() {
    String file = DIR.resolve("bad-slos.yaml").toString();
    assertThatThrownBy(() -> SloConfigLoader.load(DIR.resolve("bad-slos.yaml")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              List<String> messages = e.problems().stream().map(ConfigProblem::message).toList();
              assertThat(messages)
                  .containsExactly(
                      file
                          + ":3:16: slos.availability.objective: invalid value; value: 1.5;"
                          + " allowed: a number above 0 and below 1, such as 0.999",
                      file
                          + ":4:5: slos.availability.windw: unknown key (did you mean 'window'?);"
                          + " value: windw; allowed: one of "
                          + SloConfigLoader.SLO_KEYS,
                      file
                          + ":6:5: slos.latency.latencyThreshold: required key is missing;"
                          + " allowed: a positive duration such as 300ms",
                      file
                          + ":11:16: slos.sliced.timeslice: timeslice: PT7M is not allowed;"
                          + " value: 7m; allowed: "
                          + Slo.SLICE_RULE,
                      file
                          + ":14:7: slos.sliced.labels: labels: 'tenant' is set by the burn-rate"
                          + " alerts; value: a mapping; allowed: any label but "
                          + Slo.RESERVED_LABELS);
            });
  }

  @Test
  void reservedLabelAndBadAlertRuleAreReported() {
    assertThatThrownBy(
            () ->
                SloConfigLoader.parse(
                    "slos.yaml",
                    """
                    alerts:
                      - {severity: urgent, factor: 0, longWindow: 1h, shortWindow: 5m}
                      - {severity: page, factor: 3, longWindow: 5m, shortWindow: 1h}
                    slos:
                      a: {objective: 0.9, labels: {slo: x}}
                      b: {objective: 0.9, sli: ratio, latencyThreshold: 1s}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "slos.yaml:2:16: alerts[0].severity: invalid value; value: urgent; allowed: one of"
                + " [critical, page, ticket, warning]")
        .hasMessageContaining("slos.yaml:2:32: alerts[0].factor: invalid value; value: 0")
        .hasMessageContaining(
            "alerts[1].shortWindow: shortWindow: 1h is not shorter than longWindow 5m")
        .hasMessageContaining("slos.a.labels: labels: 'slo' is set by the burn-rate alerts")
        .hasMessageContaining("slos.b.latencyThreshold: only allowed with sli: latency; value: 1s");
  }

  @Test
  void missingSlosEmptyFileAndMissingFileAreReported() {
    assertThatThrownBy(() -> SloConfigLoader.parse("slos.yaml", "alerts: []\n"))
        .hasMessageContaining("slos: required key is missing");
    assertThatThrownBy(() -> SloConfigLoader.parse("slos.yaml", "# nothing\n"))
        .hasMessageContaining("slos.yaml:1:1: (root): the file is empty");
    assertThatThrownBy(() -> SloConfigLoader.load(DIR.resolve("absent.yaml")))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () -> SloConfigLoader.parse("slos.yaml", "slos:\n  Bad Id!: {objective: 0.9}\n"))
        .hasMessageContaining("slos.yaml:2:3: slos.Bad Id!: id: 'Bad Id!' is not allowed");
  }
}
