package dev.tdeveloper.benchmarks.load.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScaleStepReplayTest {
  // 2,000 req/s, 2 cores at 1 ms of CPU each: one instance sustains 2,000 req/s.
  private final SimInputs in = SimFixtures.inputs(100, 20, Duration.ofMillis(4200));

  @Test
  void sizesTheFleetFromTheMeasuredRateAndCapacity() {
    ScaleStepReplay.Result r = ScaleStepReplay.replay(in);

    assertThat(r.fromRate()).isEqualTo(2000);
    assertThat(r.toRate()).isEqualTo(20_000);
    assertThat(r.assumptions().capacityPerInstance()).isEqualTo(2000);
    assertThat(r.assumptions().targetUtilization()).isEqualTo(0.7); // 14 of 20 in scaling.yaml
    assertThat(r.assumptions().decisionSeconds()).isEqualTo(15);
    assertThat(r.assumptions().readySeconds()).as("start-up rounded up").isEqualTo(5);
    assertThat(r.instancesBefore()).isEqualTo(2); // 2,000 / (0.7 x 2,000), rounded up
    assertThat(r.instancesNeeded()).isEqualTo(10);
    assertThat(r.steadyInstances()).isEqualTo(2.0);
  }

  @Test
  void theDemoAsConfiguredTakesTheStepInOneDecisionAndIsReadyAfterTheWaitPlusTheStartUp() {
    ScaleStepReplay.Response demo = response(ScaleStepReplay.replay(in), "demo");

    assertThat(demo.resolved()).isTrue();
    assertThat(demo.bestSeconds()).as("step on a decision").isEqualTo(5);
    assertThat(demo.worstSeconds()).as("step just after one").isEqualTo(14 + 5);
    assertThat(demo.meetsGoal()).isTrue();
  }

  @Test
  void perInstanceServedRateSaturatesSoTheHpaDefaultsNeedSeveralDecisions() {
    ScaleStepReplay.Result r = ScaleStepReplay.replay(in);
    ScaleStepReplay.Response served = response(r, "served-per-instance-hpa-defaults");
    ScaleStepReplay.Response offered = response(r, "offered-load-hpa-defaults");

    assertThat(served.resolved()).isTrue();
    assertThat(served.bestSeconds()).isGreaterThan(15 + 5);
    assertThat(served.worstSeconds()).isGreaterThan(offered.worstSeconds());
    assertThat(offered.worstSeconds()).isGreaterThan(response(r, "demo").worstSeconds());
    assertThat(served.peakInstances()).isGreaterThanOrEqualTo(r.instancesNeeded());
  }

  @Test
  void replaysAreDeterministic() {
    assertThat(ScaleStepReplay.replay(in)).isEqualTo(ScaleStepReplay.replay(in));
  }

  private static ScaleStepReplay.Response response(ScaleStepReplay.Result r, String name) {
    return r.responses().stream()
        .filter(x -> x.autoscaler().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
