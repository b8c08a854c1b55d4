package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaExhaustionTest {
  private static final LoadTenant OVER_LIMIT =
      Roster.standard().tenants().stream()
          .filter(t -> t.role() == LoadTenant.Role.OVER_LIMIT)
          .findFirst()
          .orElseThrow();

  @Test
  void limitIsTheSeededNotePlusHalfTheWritesTheRateLimitAdmitsInAFlatWarmup() {
    // free plan: 5 requests/s, 15% writes: 0.75 writes/s admitted, 135 in 180 s, half of it 67
    assertThat(QuotaExhaustion.limit(OVER_LIMIT, Duration.ofSeconds(180))).isEqualTo(68);
    assertThat(QuotaExhaustion.limit(OVER_LIMIT, Duration.ofSeconds(10))).isEqualTo(4);
  }

  @Test
  void overLimitTenantsStillRunOutOfQuotaDuringARampedWarmup() {
    // A ramp offers an over-limit tenant (3x its limit at the full rate) less than its limit at
    // first, so its rate limit admits fewer writes than in a flat warm-up; the quota (half the flat
    // warm-up's admitted writes) must still run out well inside the warm-up, at any start share.
    for (double share : new double[] {0.01, RampSchedule.DEFAULT_START_SHARE, 0.5, 1}) {
      for (long seconds : new long[] {10, 60, 180, 600}) {
        Duration warmup = Duration.ofSeconds(seconds);
        RampSchedule ramp = new RampSchedule(2000, share, warmup, Duration.ofSeconds(60));
        double admittedWrites = 0;
        int steps = 10_000;
        double dt = seconds / (double) steps;
        for (int k = 0; k < steps; k++) {
          long at = (long) ((k + 0.5) * dt * 1e9);
          double offered =
              Roster.OVER_LIMIT_FACTOR * OVER_LIMIT.rateLimit() * ramp.rateAt(at) / ramp.rate();
          admittedWrites += Math.min(OVER_LIMIT.rateLimit(), offered) * dt;
        }
        admittedWrites *= Mix.WRITE_PERCENT / 100.0;
        long quotaLeft = QuotaExhaustion.limit(OVER_LIMIT, warmup) - 1; // after the seeded note
        assertThat(admittedWrites)
            .as("start share %s, %d s", share, seconds)
            .isGreaterThan(1.5 * quotaLeft);
      }
    }
  }
}
