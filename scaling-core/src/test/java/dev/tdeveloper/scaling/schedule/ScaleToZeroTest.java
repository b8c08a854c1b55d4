package dev.tdeveloper.scaling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleToZeroTest {
  static final Metric Q = Metric.QUEUE_DEPTH;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static ScalingInput at(long seconds, int replicas, double queue) {
    return ScalingInput.at(T0.plusSeconds(seconds))
        .readyReplicas(replicas, Metric.UTILIZATION, 0.5)
        .workload(Q, queue)
        .build();
  }

  static ScalingInput missing(long seconds, int replicas) {
    return ScalingInput.at(T0.plusSeconds(seconds))
        .readyReplicas(replicas, Metric.UTILIZATION, 0.5)
        .build();
  }

  static ScaleToZero.Builder builder(FixedAutoscaler inner) {
    return ScaleToZero.around(inner, Q).activationThreshold(5).maxReplicaCount(10);
  }

  @Test
  void activatesFromZeroOnlyWhenTheMetricIsStrictlyAboveTheThreshold() {
    FixedAutoscaler inner = new FixedAutoscaler(4);
    ScaleToZero s = builder(inner).build();
    ScalingDecision stay = s.decide(at(0, 0, 5));
    assertThat(stay.desiredReplicas()).isZero();
    assertThat(stay.hasReason("keda.idle")).isTrue();
    ScalingDecision go = s.decide(at(10, 0, 5.5));
    assertThat(go.desiredReplicas()).isEqualTo(1);
    assertThat(go.hasReason("keda.activate")).isTrue();
    assertThat(inner.calls).as("the inner autoscaler does not decide while idle").hasValue(0);
  }

  @Test
  void activatesToMinReplicaCountAndIdlesAtIdleReplicaCount() {
    FixedAutoscaler inner = new FixedAutoscaler(2);
    ScaleToZero s =
        builder(inner)
            .minReplicaCount(3)
            .idleReplicaCount(0)
            .cooldownPeriod(Duration.ofSeconds(60))
            .build();
    assertThat(s.decide(at(0, 0, 9)).desiredReplicas()).isEqualTo(3);
    assertThat(s.decide(at(30, 3, 9)).desiredReplicas()).as("inner's 2 raised to min").isEqualTo(3);
    s.decide(at(40, 3, 0));
    assertThat(s.decide(at(100, 3, 0)).desiredReplicas()).isZero();
  }

  @Test
  void goesIdleOnlyAfterTheWholeCooldownAtOrBelowTheThreshold() {
    FixedAutoscaler inner = new FixedAutoscaler(3);
    ScaleToZero s = builder(inner).build();
    s.decide(at(0, 3, 50));
    ScalingDecision waiting = s.decide(at(100, 3, 5));
    assertThat(waiting.desiredReplicas()).isEqualTo(3);
    assertThat(waiting.hasReason("keda.cooldown")).isTrue();
    assertThat(s.decide(at(399, 3, 0)).desiredReplicas()).isEqualTo(3);
    ScalingDecision idle = s.decide(at(400, 3, 0));
    assertThat(idle.desiredReplicas()).isZero();
    assertThat(idle.hasReason("keda.idle")).isTrue();
  }

  @Test
  void loadDuringTheCooldownRestartsIt() {
    ScaleToZero s = builder(new FixedAutoscaler(3)).build();
    s.decide(at(0, 3, 0));
    s.decide(at(200, 3, 6));
    assertThat(s.decide(at(300, 3, 0)).desiredReplicas()).isEqualTo(3);
    assertThat(s.decide(at(599, 3, 0)).desiredReplicas()).isEqualTo(3);
    assertThat(s.decide(at(600, 3, 0)).desiredReplicas()).isZero();
  }

  @Test
  void whileActiveTheInnerDecidesButNeverBelowOne() {
    FixedAutoscaler inner = new FixedAutoscaler(0);
    ScaleToZero s = builder(inner).build();
    ScalingDecision d = s.decide(at(0, 2, 50));
    assertThat(d.desiredReplicas()).isEqualTo(1);
    assertThat(d.hasReason("fixed")).isTrue();
    assertThat(d.hasReason("bounds.min")).isTrue();
    inner.desired.set(40);
    assertThat(s.decide(at(10, 1, 50)).desiredReplicas()).as("maxReplicaCount").isEqualTo(10);
  }

  @Test
  void fallsBackAfterFailureThresholdMissingMetrics() {
    ScaleToZero s = builder(new FixedAutoscaler(2)).fallback(3, 6).build();
    assertThat(s.decide(missing(0, 2)).hasReason("keda.metric-missing")).isTrue();
    assertThat(s.decide(missing(10, 2)).desiredReplicas()).isEqualTo(2);
    ScalingDecision fb = s.decide(missing(20, 2));
    assertThat(fb.desiredReplicas()).isEqualTo(6);
    assertThat(fb.hasReason("keda.fallback")).isTrue();
    assertThat(s.decide(at(30, 6, 50)).desiredReplicas())
        .as("metric back: inner decides")
        .isEqualTo(2);
    assertThat(s.decide(missing(40, 2)).hasReason("keda.fallback")).as("count restarted").isFalse();
  }

  @Test
  void withoutFallbackAMissingMetricKeepsTheCount() {
    ScaleToZero s = builder(new FixedAutoscaler(2)).build();
    for (int i = 0; i < 5; i++) {
      ScalingDecision d = s.decide(missing(i * 10L, 4));
      assertThat(d.desiredReplicas()).isEqualTo(4);
      assertThat(d.hasReason("keda.metric-missing")).isTrue();
    }
  }

  @Test
  void twoTenantsInstancesNeverAffectEachOther() {
    // Tenant a goes quiet and idles; tenant b stays busy. Interleaved, each must decide exactly as
    // it does alone.
    List<Integer> aAlone = run(builder(new FixedAutoscaler(3)).name("tenant-a").build(), 0, null);
    List<Integer> bAlone = run(builder(new FixedAutoscaler(7)).name("tenant-b").build(), 40, null);
    ScaleToZero a = builder(new FixedAutoscaler(3)).name("tenant-a").build();
    ScaleToZero b = builder(new FixedAutoscaler(7)).name("tenant-b").build();
    List<Integer> bInterleaved = new ArrayList<>();
    List<Integer> aInterleaved = run(a, 0, () -> bInterleaved.add(step(b, bInterleaved, 40)));
    assertThat(aInterleaved).isEqualTo(aAlone).endsWith(0);
    assertThat(bInterleaved).isEqualTo(bAlone).doesNotContain(0);
  }

  private static List<Integer> run(ScaleToZero s, double queue, Runnable between) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      out.add(step(s, out, queue));
      if (between != null) {
        between.run();
      }
    }
    return out;
  }

  private static int step(ScaleToZero s, List<Integer> so, double queue) {
    int current = so.isEmpty() ? 3 : so.get(so.size() - 1);
    return s.decide(at(so.size() * 60L, current, queue)).desiredReplicas();
  }

  @Test
  void badConfigurationsAreRefused() {
    FixedAutoscaler inner = new FixedAutoscaler(1);
    assertThatThrownBy(() -> builder(inner).activationThreshold(-1))
        .hasMessageContaining("activationThreshold: -1.0; allowed: a finite value >= 0");
    assertThatThrownBy(() -> builder(inner).minReplicaCount(4).maxReplicaCount(3).build())
        .hasMessageContaining("maxReplicaCount: 3; allowed: >= 1 and >= minReplicaCount 4");
    assertThatThrownBy(() -> builder(inner).minReplicaCount(2).idleReplicaCount(2).build())
        .hasMessageContaining("idleReplicaCount: 2; allowed: >= 0 and below minReplicaCount 2");
    assertThatThrownBy(() -> builder(inner).fallback(0, 2))
        .hasMessageContaining("fallback.failureThreshold: 0");
    assertThatThrownBy(() -> builder(inner).fallback(3, 11).build())
        .hasMessageContaining("fallback.replicas: 11; allowed: <= maxReplicaCount 10");
    assertThatThrownBy(() -> builder(inner).cooldownPeriod(Duration.ofSeconds(-1)))
        .hasMessageContaining("cooldownPeriod: PT-1S is negative");
  }

  @Test
  void refusesAnInputOlderThanThePreviousAndKeepsItsCooldown() {
    ScaleToZero s = builder(new FixedAutoscaler(3)).build();
    s.decide(at(100, 3, 0));
    assertThatThrownBy(() -> s.decide(at(50, 3, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is before the previous input");
    assertThat(s.decide(at(399, 3, 0)).desiredReplicas()).isEqualTo(3);
    assertThat(s.decide(at(400, 3, 0)).desiredReplicas()).isZero();
  }
}
