package dev.tdeveloper.scaling.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingConfigErrorsTest {
  static List<ConfigProblem> problems(String yaml) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ScalingConfigLoader.parse("scaling.yaml", yaml));
    assertThat(e).as("expected the file to be refused").isNotNull();
    return e.problems();
  }

  static String only(String yaml) {
    List<ConfigProblem> p = problems(yaml);
    assertThat(p).hasSize(1);
    return p.get(0).message();
  }

  static final String WEB =
      """
      autoscalers:
        web:
          type: target-tracking
          minReplicas: 2
          maxReplicas: 10
          metrics:
      """;

  /** {@link #WEB} with one utilization target, ready for more keys of the {@code web} entry. */
  static final String WEB_UTILIZATION = WEB + "      - {type: utilization, target: 0.6}\n";

  /** An entry of {@code autoscalers:}, a predictive autoscaler whose floor is named. */
  static String predictiveOver(String name, String floor) {
    return """
          %s:
            type: predictive
            maxReplicas: 10
            capacityPerReplica: 100
            floor: %s
        """
        .formatted(name, floor);
  }

  @Test
  void unknownMetricIsLocatedAndListsTheAllowedOnes() {
    String m = only(WEB + "      - {type: averageValue, metric: cpu, target: 5}\n");
    assertThat(m)
        .startsWith("scaling.yaml:7:")
        .contains("autoscalers.web.metrics[0].metric")
        .contains("value: cpu")
        .contains("utilization, requests_per_second, queue_depth, latency_ms");
  }

  @Test
  void unknownEnumValueListsTheAllowedSpellings() {
    String m = only(WEB + "      - {type: percentile, target: 0.5}\n");
    assertThat(m)
        .contains("autoscalers.web.metrics[0].type")
        .contains("[utilization, averageValue, workloadValue, workloadAverageValue]");
  }

  @Test
  void unknownKeysAreRefusedWithAHint() {
    String m =
        only(
            """
            autoscalers:
              web:
                type: target-tracking
                maxReplicas: 10
                MinReplicas: 2
                metrics: [{type: utilization, target: 0.6}]
            """);
    assertThat(m)
        .startsWith("scaling.yaml:5:5: autoscalers.web.MinReplicas: unknown key")
        .contains("did you mean 'minReplicas'?");
  }

  @Test
  void badDurationNamesTheFieldAndTheAllowedForms() {
    String m =
        only(
            WEB_UTILIZATION
                + """
                    behavior:
                      scaleDown: {stabilizationWindow: soon}
                """);
    assertThat(m)
        .contains("autoscalers.web.behavior.scaleDown.stabilizationWindow")
        .contains("value: soon")
        .contains("30s");
  }

  @Test
  void builderRuleBecomesAProblemAtTheNode() {
    String m =
        only(
            WEB_UTILIZATION
                + """
                    behavior:
                      scaleUp:
                        stabilizationWindow: 2h
                """);
    // ScalingRules refuses windows above one hour; the problem lands on the window's node.
    assertThat(m)
        .startsWith("scaling.yaml:10:")
        .contains("autoscalers.web.behavior.scaleUp.stabilizationWindow")
        .contains("<= 3600s");
  }

  @Test
  void minAboveMaxIsReportedAtMinReplicas() {
    String m =
        only(
            """
            autoscalers:
              web:
                type: target-tracking
                minReplicas: 12
                maxReplicas: 10
                metrics: [{type: utilization, target: 0.6}]
            """);
    assertThat(m)
        .startsWith("scaling.yaml:4:18: autoscalers.web.minReplicas")
        .contains("min <= max");
  }

  @Test
  void overlappingStepsAreReportedAtTheSteps() {
    String m =
        only(
            """
            autoscalers:
              worker:
                type: step
                maxReplicas: 10
                metric: queue_depth
                scaleOut:
                  threshold: 100
                  steps:
                    - {lowerBound: 0, upperBound: 60, adjustment: 1}
                    - {lowerBound: 50, adjustment: 2}
            """);
    assertThat(m)
        .startsWith("scaling.yaml:9:")
        .contains("autoscalers.worker.scaleOut.steps")
        .contains("overlaps");
  }

  @Test
  void everyProblemOfTheFileIsReportedInFileOrder() {
    List<ConfigProblem> p =
        problems(
            """
            autoscalers:
              web:
                type: target-tracking
                maxReplicas: -1
                tolerance: 2
                metrics: [{type: utilization, target: 0}]
              other:
                type: elastic
            simulation:
              capacityPerReplica: 0
              colour: blue
            alerts:
              atMaxFor: forever
            """);
    assertThat(p)
        .extracting(ConfigProblem::path)
        .containsExactly(
            "autoscalers.web.maxReplicas",
            "autoscalers.web.tolerance",
            "autoscalers.web.metrics[0].target",
            "autoscalers.other.type",
            "simulation.capacityPerReplica",
            "simulation.colour",
            "alerts.atMaxFor");
    assertThat(p.get(3).message()).contains("[target-tracking, step, predictive, cost-aware]");
  }

  @Test
  void floorNamingNoAutoscalerIsRefused() {
    String m = only("autoscalers:\n" + predictiveOver("api", "webb"));
    assertThat(m).contains("autoscalers.api.floor").contains("no autoscaler named 'webb'");
  }

  @Test
  void floorsFormingACycleAreRefused() {
    String m = only("autoscalers:\n" + predictiveOver("a", "b") + predictiveOver("b", "a"));
    assertThat(m).contains("autoscalers.b.floor").contains("cycle: a -> b -> a");
  }

  @Test
  void inlineFloorInheritsTheBounds() {
    ScalingConfig config =
        ScalingConfigLoader.parse(
            "scaling.yaml",
            """
            autoscalers:
              api:
                type: predictive
                minReplicas: 3
                maxReplicas: 10
                capacityPerReplica: 100
                floor:
                  metrics: [{type: utilization, target: 0.5}]
            """);
    assertThat(config.bounds("api").min()).isEqualTo(3);
    assertThat(config.autoscaler("api").name()).isEqualTo("predictive");
  }

  @Test
  void badScheduleAndScaleToZeroValuesAreLocated() {
    List<ConfigProblem> p =
        problems(
            WEB_UTILIZATION
                + """
                    schedule:
                      timeZone: Mars/Olympus
                      windows:
                        nightly: {cron: "not a cron", duration: 1h, desired: 2}
                    scaleToZero:
                      metric: queue_depth
                      idleReplicas: 5
                """);
    assertThat(p)
        .extracting(ConfigProblem::path)
        .containsExactly(
            "autoscalers.web.schedule.timeZone",
            "autoscalers.web.schedule.windows.nightly.cron",
            "autoscalers.web.scaleToZero.idleReplicas");
    assertThat(p.get(1).message()).contains("not a UNIX cron expression");
  }
}
