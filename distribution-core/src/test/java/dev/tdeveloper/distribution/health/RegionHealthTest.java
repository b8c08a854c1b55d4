package dev.tdeveloper.distribution.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.health.RegionHealthEvent.Cause;
import dev.tdeveloper.distribution.health.RegionHealthEvent.RegionFailedBack;
import dev.tdeveloper.distribution.health.RegionHealthEvent.RegionFailedOver;
import dev.tdeveloper.distribution.health.RegionHealthEvent.RegionFlapSuppressed;
import dev.tdeveloper.distribution.health.RegionStatus.OperatorOverride;
import dev.tdeveloper.distribution.health.RegionStatus.State;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RegionHealthTest {
  private static final RegionId EU = RegionId.of("eu-west-1");
  private static final Duration TEN = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock();
  private final List<RegionHealthEvent> events = new CopyOnWriteArrayList<>();

  private RegionHealth health(HealthCheckSettings settings) {
    return RegionHealth.builder().settings(settings).clock(clock).listener(events::add).build();
  }

  private static HealthCheckSettings.Builder fast() {
    return HealthCheckSettings.builder().requestInterval(TEN);
  }

  /** One round: every vantage point reports; the first {@code healthy} of them say healthy. */
  private void round(RegionHealth health, int vantagePoints, int healthy) {
    for (int v = 0; v < vantagePoints; v++) {
      health.record(new HealthCheckResult(EU, "vp" + v, v < healthy, clock.instant()));
    }
  }

  /** EU failed at 0 and reports healthy again at +10 s: recovering, with a 60 s failback hold. */
  private RegionHealth recoveringWithAMinuteHold() {
    RegionHealth health =
        health(
            fast()
                .failureThreshold(1)
                .staleAfterIntervals(10)
                .failbackHold(Duration.ofSeconds(60))
                .build());
    round(health, 1, 0);
    clock.advance(TEN);
    round(health, 1, 1);
    return health;
  }

  @Test
  void unmonitoredRegionIsHealthy() {
    RegionHealth health = health(HealthCheckSettings.defaults());
    assertThat(health.isHealthy(EU)).isTrue();
    assertThat(health.version()).isZero();
    assertThat(health.status()).isEmpty();
  }

  @Test
  void oneOfSixHealthyIsBelowTheEighteenPercentRule() {
    RegionHealth health = health(fast().failureThreshold(1).build());
    round(health, 6, 1); // 16.7% healthy
    assertThat(health.isHealthy(EU)).isFalse();
    assertThat(health.status())
        .containsExactly(new RegionStatus(EU, false, State.UNHEALTHY, OperatorOverride.NONE, 1, 6));
  }

  @Test
  void twoOfSixHealthyIsAboveTheEighteenPercentRule() {
    RegionHealth health = health(fast().failureThreshold(1).build());
    round(health, 6, 2); // 33.3% healthy
    assertThat(health.isHealthy(EU)).isTrue();
    assertThat(events).isEmpty();
  }

  @Test
  void exactlyEighteenPercentIsNotEnoughAtTheDefaultShare() {
    RegionHealth health = health(fast().failureThreshold(1).build());
    round(health, 50, 9); // exactly 18%: not more than 18%
    assertThat(health.isHealthy(EU)).isFalse();
    RegionHealth more = health(fast().failureThreshold(1).build());
    round(more, 50, 10); // 20%
    assertThat(more.isHealthy(EU)).isTrue();
  }

  @Test
  void shareIsStrictlyMoreThan() {
    RegionHealth health = health(fast().failureThreshold(1).healthyShare(0.5).build());
    round(health, 4, 2); // exactly 50%: not more than 50%
    assertThat(health.isHealthy(EU)).isFalse();
  }

  @Test
  void checkerChangesItsViewOnlyAfterThresholdConsecutiveFailures() {
    RegionHealth health = health(fast().build()); // threshold 3
    for (int i = 0; i < 2; i++) {
      round(health, 1, 0);
      clock.advance(TEN);
    }
    assertThat(health.isHealthy(EU)).as("two failures are below the threshold").isTrue();
    round(health, 1, 1); // a success restarts the count
    clock.advance(TEN);
    round(health, 1, 0);
    clock.advance(TEN);
    round(health, 1, 0);
    assertThat(health.isHealthy(EU)).isTrue();
    clock.advance(TEN);
    round(health, 1, 0);
    assertThat(health.isHealthy(EU)).as("the third failure in a row").isFalse();
  }

  @Test
  void checkerNeedsThresholdConsecutiveSuccessesToRecover() {
    RegionHealth health = health(fast().failbackHold(Duration.ZERO).build());
    for (int i = 0; i < 3; i++) {
      round(health, 1, 0);
      clock.advance(TEN);
    }
    assertThat(health.isHealthy(EU)).isFalse();
    round(health, 1, 1);
    clock.advance(TEN);
    round(health, 1, 1);
    assertThat(health.isHealthy(EU)).isFalse();
    clock.advance(TEN);
    round(health, 1, 1);
    assertThat(health.isHealthy(EU)).isTrue();
  }

  @Test
  void staleVantagePointsAreNotCounted() {
    RegionHealth health = health(fast().failureThreshold(1).failbackHold(Duration.ZERO).build());
    // vp0 says healthy once and then falls silent; vp1..vp5 keep saying unhealthy.
    health.record(new HealthCheckResult(EU, "vp0", true, clock.instant()));
    for (int v = 1; v < 6; v++) {
      health.record(new HealthCheckResult(EU, "vp" + v, false, clock.instant()));
    }
    assertThat(health.isHealthy(EU)).isFalse(); // 1 of 6
    for (int v = 1; v < 6; v++) {
      health.record(new HealthCheckResult(EU, "vp" + v, true, clock.instant()));
    }
    // 6 of 6 healthy now; vp1 fails again: 5 of 6 still healthy.
    assertThat(health.isHealthy(EU)).isTrue();
    clock.advance(Duration.ofSeconds(31)); // vp0 silent for more than 3 intervals
    for (int v = 1; v < 6; v++) {
      health.record(new HealthCheckResult(EU, "vp" + v, v == 1, clock.instant()));
    }
    assertThat(health.status().get(0).countedVantagePoints()).isEqualTo(5);
    assertThat(health.status().get(0).healthyVantagePoints()).isEqualTo(1);
    assertThat(health.isHealthy(EU)).as("1 of 5 counted is 20% > 18%").isTrue();
    health.record(new HealthCheckResult(EU, "vp1", false, clock.instant()));
    assertThat(health.isHealthy(EU)).isFalse();
  }

  @Test
  void noVantagePointCountedKeepsTheStatus() {
    RegionHealth health = health(fast().failureThreshold(1).build());
    round(health, 3, 3);
    clock.advance(Duration.ofMinutes(10));
    health.refresh();
    assertThat(health.isHealthy(EU)).isTrue();
    assertThat(health.status().get(0).countedVantagePoints()).isZero();
  }

  @Test
  void olderResultThanTheLastIsIgnored() {
    RegionHealth health = health(fast().failureThreshold(1).build());
    health.record(new HealthCheckResult(EU, "vp0", true, clock.instant()));
    health.record(new HealthCheckResult(EU, "vp0", false, clock.instant().minusSeconds(5)));
    assertThat(health.isHealthy(EU)).isTrue();
  }

  @Test
  void failoverEventMeasuresFromTheFirstFailingResult() {
    RegionHealth health = health(fast().build());
    long before = health.version();
    var firstFailure = clock.instant();
    for (int i = 0; i < 3; i++) {
      round(health, 4, 0);
      clock.advance(TEN);
    }
    assertThat(health.isHealthy(EU)).isFalse();
    assertThat(health.version()).isGreaterThan(before);
    assertThat(events).hasSize(1);
    RegionFailedOver over = (RegionFailedOver) events.get(0);
    assertThat(over.cause()).isEqualTo(Cause.CHECKS);
    assertThat(over.firstFailureAt()).isEqualTo(firstFailure);
    assertThat(over.detectionTime()).isEqualTo(Duration.ofSeconds(20));
    assertThat(over.healthyVantagePoints()).isZero();
    assertThat(over.countedVantagePoints()).isEqualTo(4);
  }

  @Test
  void aBlipStartsNoEpisode() {
    RegionHealth health = health(fast().build());
    round(health, 2, 0); // one failure each: not enough
    clock.advance(TEN);
    round(health, 2, 2); // clean again: the episode is over
    clock.advance(Duration.ofMinutes(5));
    var start = clock.instant();
    for (int i = 0; i < 3; i++) {
      round(health, 2, 0);
      clock.advance(TEN);
    }
    RegionFailedOver over = (RegionFailedOver) events.get(0);
    assertThat(over.firstFailureAt()).isEqualTo(start);
  }

  @Test
  void failbackWaitsForTheHoldAndMeasuresFromFirstRecovery() {
    RegionHealth health = health(fast().failbackHold(Duration.ofSeconds(60)).build());
    for (int i = 0; i < 3; i++) {
      round(health, 3, 0);
      clock.advance(TEN);
    }
    var failedOverAt = ((RegionFailedOver) events.get(0)).at();
    var firstRecovery = clock.instant();
    for (int i = 0; i < 3; i++) { // third success flips the checkers at +20 s
      round(health, 3, 3);
      clock.advance(TEN);
    }
    assertThat(health.status().get(0).state()).isEqualTo(State.RECOVERING);
    assertThat(health.isHealthy(EU)).isFalse();
    // the hold runs from +20 s to +80 s
    for (int i = 0; i < 5; i++) {
      round(health, 3, 3);
      clock.advance(TEN);
    }
    assertThat(health.isHealthy(EU)).as("at +70 s the hold is not over").isFalse();
    round(health, 3, 3);
    assertThat(health.isHealthy(EU)).isTrue();
    RegionFailedBack back = (RegionFailedBack) events.get(1);
    assertThat(back.cause()).isEqualTo(Cause.CHECKS);
    assertThat(back.firstRecoveryAt()).isEqualTo(firstRecovery);
    assertThat(back.recoveryTime()).isEqualTo(Duration.ofSeconds(80));
    assertThat(back.failedOverAt()).isEqualTo(failedOverAt);
    assertThat(back.outage()).isEqualTo(Duration.between(failedOverAt, clock.instant()));
  }

  @Test
  void flappingRegionDoesNotBounceTraffic() {
    RegionHealth health =
        health(fast().failureThreshold(1).failbackHold(Duration.ofSeconds(60)).build());
    round(health, 2, 0);
    assertThat(health.isHealthy(EU)).isFalse();
    // up 30 s, down 10 s, ten times: never healthy for 60 s in a row
    for (int flap = 0; flap < 10; flap++) {
      for (int i = 0; i < 3; i++) {
        clock.advance(TEN);
        round(health, 2, 2);
        assertThat(health.isHealthy(EU)).isFalse();
      }
      clock.advance(TEN);
      round(health, 2, 0);
    }
    assertThat(events.stream().filter(e -> e instanceof RegionFailedOver)).hasSize(1);
    assertThat(events.stream().filter(e -> e instanceof RegionFailedBack)).isEmpty();
    assertThat(events.stream().filter(e -> e instanceof RegionFlapSuppressed)).hasSize(10);
    // then it stays up: traffic returns after the hold
    for (int i = 0; i < 7; i++) {
      clock.advance(TEN);
      round(health, 2, 2);
    }
    assertThat(health.isHealthy(EU)).isTrue();
    RegionFailedBack back = (RegionFailedBack) events.get(events.size() - 1);
    assertThat(back.recoveryTime()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void versionAppliesAnElapsedHoldWithoutNewResults() {
    RegionHealth health = recoveringWithAMinuteHold();
    long v = health.version();
    assertThat(health.isHealthy(EU)).isFalse();
    clock.advance(Duration.ofSeconds(60));
    assertThat(health.version()).isGreaterThan(v);
    assertThat(health.isHealthy(EU)).isTrue();
  }

  @Test
  void holdDoesNotEndWhileNoVantagePointIsCounted() {
    RegionHealth health =
        health(fast().failureThreshold(1).failbackHold(Duration.ofSeconds(60)).build());
    round(health, 1, 0);
    clock.advance(TEN);
    round(health, 1, 1);
    clock.advance(Duration.ofSeconds(60)); // the only vantage point went stale at +30 s
    health.refresh();
    assertThat(health.isHealthy(EU)).isFalse();
    round(health, 1, 1);
    assertThat(health.isHealthy(EU)).as("fresh evidence, hold elapsed").isTrue();
  }

  @Test
  void aVantagePointGoneStaleLeavesNothingDueForVersionCallers() {
    RegionHealth health = health(fast().failureThreshold(1).build());
    round(health, 3, 3);
    clock.advance(Duration.ofSeconds(31)); // stale after 3 intervals of 10 s
    long v = health.version();
    assertThat(health.status())
        .containsExactly(new RegionStatus(EU, true, State.HEALTHY, OperatorOverride.NONE, 0, 0));
    assertThat(health.nextDeadlineMillis())
        .as("a staleness already applied is not due again")
        .isEqualTo(Long.MAX_VALUE);
    clock.advance(TEN);
    assertThat(health.version()).isEqualTo(v);
    round(health, 3, 3);
    assertThat(health.nextDeadlineMillis()).isEqualTo(clock.millis() + 30_001);
  }

  @Test
  void anElapsedHoldWithNoVantagePointCountedIsNotDueAgain() {
    RegionHealth health =
        health(fast().failureThreshold(1).failbackHold(Duration.ofSeconds(60)).build());
    round(health, 1, 0);
    clock.advance(TEN);
    round(health, 1, 1);
    clock.advance(Duration.ofSeconds(60));
    health.version();
    assertThat(health.status().get(0).state()).isEqualTo(State.RECOVERING);
    assertThat(health.nextDeadlineMillis()).isGreaterThan(clock.millis());
  }

  @Test
  void aResultForOneRegionLeavesAnotherRegionsDueHoldToVersion() {
    RegionId us = RegionId.of("us-east-1");
    RegionHealth health = recoveringWithAMinuteHold(); // the hold ends at +70 s
    clock.advance(Duration.ofSeconds(60));
    health.record(new HealthCheckResult(us, "vp0", true, clock.instant()));
    assertThat(health.isHealthy(EU)).as("only us-east-1 was evaluated").isFalse();
    health.version();
    assertThat(health.isHealthy(EU)).isTrue();
  }

  @Test
  void operatorForcesDownAndUpWithTheSameEvents() {
    RegionHealth health = health(fast().failureThreshold(1).build());
    round(health, 3, 3);
    health.forceDown(EU);
    assertThat(health.isHealthy(EU)).isFalse();
    assertThat(health.status().get(0).override()).isEqualTo(OperatorOverride.FORCED_DOWN);
    RegionFailedOver over = (RegionFailedOver) events.get(0);
    assertThat(over.cause()).isEqualTo(Cause.OPERATOR);
    assertThat(over.detectionTime()).isZero();
    round(health, 3, 3);
    assertThat(health.isHealthy(EU)).as("checks do not undo the operator").isFalse();
    clock.advance(Duration.ofMinutes(2));
    health.release(EU);
    assertThat(health.isHealthy(EU)).isTrue();
    RegionFailedBack back = (RegionFailedBack) events.get(1);
    assertThat(back.cause()).isEqualTo(Cause.OPERATOR);
    assertThat(back.outage()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void operatorForcesUpAnUnhealthyRegionAndReleaseFollowsTheChecks() {
    RegionHealth health = health(fast().failureThreshold(1).build());
    round(health, 3, 0);
    health.forceUp(EU);
    assertThat(health.isHealthy(EU)).isTrue();
    round(health, 3, 0);
    assertThat(health.isHealthy(EU)).isTrue();
    health.release(EU);
    assertThat(health.isHealthy(EU)).isFalse();
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName() + ":" + cause(e))
        .containsExactly(
            "RegionFailedOver:CHECKS", "RegionFailedBack:OPERATOR", "RegionFailedOver:OPERATOR");
  }

  @Test
  void forcingAnUnknownRegionDownMonitorsIt() {
    RegionHealth health = health(HealthCheckSettings.defaults());
    health.forceDown(RegionId.of("us-east-1"));
    assertThat(health.isHealthy(RegionId.of("us-east-1"))).isFalse();
    assertThat(health.isHealthy(EU)).isTrue();
  }

  @Test
  void concurrentResultsLeaveAConsistentStatus() throws Exception {
    RegionHealth health = health(fast().failureThreshold(1).failbackHold(Duration.ZERO).build());
    Concurrently.run(
        8,
        t -> {
          for (int i = 0; i < 2_000; i++) {
            health.record(new HealthCheckResult(EU, "vp" + t, i % 2 == 0, clock.instant()));
          }
        });
    round(health, 8, 8);
    assertThat(health.isHealthy(EU)).isTrue();
    long overs = events.stream().filter(e -> e instanceof RegionFailedOver).count();
    long backs = events.stream().filter(e -> e instanceof RegionFailedBack).count();
    assertThat(overs).isEqualTo(backs);
  }

  private static String cause(RegionHealthEvent e) {
    if (e instanceof RegionFailedOver o) {
      return o.cause().name();
    }
    if (e instanceof RegionFailedBack b) {
      return b.cause().name();
    }
    return "-";
  }
}
