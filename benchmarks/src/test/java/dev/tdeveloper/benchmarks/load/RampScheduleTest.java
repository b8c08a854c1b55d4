package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RampScheduleTest {
  private static final RampSchedule RAMP =
      new RampSchedule(2000, 0.1, Duration.ofSeconds(180), Duration.ofSeconds(60));

  @Test
  void warmupHoldsTheRampsIntegral() {
    // 2,000/s rising from 200/s over 180 s: the mean rate 1,100/s, 198,000 requests
    assertThat(RAMP.warmupCount()).isEqualTo(198_000);
    assertThat(RAMP.measuredCount()).isEqualTo(120_000);
    assertThat(RAMP.total()).isEqualTo(318_000);
  }

  @Test
  void firstWarmupRequestsAreSpacedAtTheStartRate() {
    assertThat(RAMP.offsetNanos(0)).isZero();
    // at 200/s the second request is due after 5 ms, less 0.6 us as the rate already rises:
    // 200 t + 5 t^2 = 1 at t = 4,999,375 ns
    assertThat(RAMP.offsetNanos(1)).isEqualTo(4_999_375L);
  }

  @Test
  void lastWarmupRequestIsDueJustBeforeTheWarmupEndsAtTheFullRate() {
    long last = RAMP.offsetNanos(RAMP.warmupCount() - 1);
    assertThat(last).isLessThan(Duration.ofSeconds(180).toNanos());
    // at the ramp's end the rate is 2,000/s: one interval of 0.5 ms before its end
    assertThat(Duration.ofSeconds(180).toNanos() - last).isCloseTo(500_000L, within(1_000L));
  }

  @Test
  void measuredPartStartsAtTheWarmupsEndSpacedOneOverTheRate() {
    long first = RAMP.warmupCount();
    assertThat(RAMP.offsetNanos(first)).isEqualTo(RAMP.measuredStartNanos());
    assertThat(RAMP.measuredStartNanos()).isEqualTo(Duration.ofSeconds(180).toNanos());
    for (long j = 1; j < 1000; j++) {
      assertThat(RAMP.offsetNanos(first + j) - RAMP.offsetNanos(first + j - 1))
          .isBetween(499_999L, 500_001L);
    }
    assertThat(RAMP.offsetNanos(RAMP.total() - 1))
        .isEqualTo(Duration.ofSeconds(240).toNanos() - 500_000L);
  }

  @Test
  void rateRisesLinearlyOverTheWarmupAndStaysAtTheTargetAfter() {
    assertThat(RAMP.rateAt(0)).isCloseTo(200, within(1e-9));
    assertThat(RAMP.rateAt(Duration.ofSeconds(90).toNanos())).isCloseTo(1100, within(1e-9));
    assertThat(RAMP.rateAt(Duration.ofSeconds(180).toNanos())).isEqualTo(2000);
    assertThat(RAMP.rateAt(Duration.ofSeconds(200).toNanos())).isEqualTo(2000);
  }

  @Test
  void flatScheduleIsTheConstantRateFromTheStart() {
    RampSchedule flat = RampSchedule.flat(2000, Duration.ofSeconds(10), Duration.ofSeconds(60));
    assertThat(flat.warmupCount()).isEqualTo(20_000);
    for (long i : new long[] {0, 1, 7, 19_999, 20_000, 20_001, 139_999}) {
      assertThat(flat.offsetNanos(i)).as("request %d", i).isEqualTo(i * 500_000L);
    }
  }

  @Test
  void noWarmupStartsMeasuringAtOnce() {
    RampSchedule none = new RampSchedule(300, 0.1, Duration.ZERO, Duration.ofSeconds(3));
    assertThat(none.warmupCount()).isZero();
    assertThat(none.total()).isEqualTo(900);
    assertThat(none.offsetNanos(0)).isZero();
    assertThat(none.rateAt(0)).isEqualTo(300);
  }

  /** Schedules drawn from a seeded stream (the benchmarks module has no jqwik). */
  @Test
  void offsetsNeverDecreaseAndTheWarmupsEndOnTime() {
    SplittableRandom random = new SplittableRandom(17);
    for (int n = 0; n < 200; n++) {
      double rate = 1 + random.nextDouble() * 20_000;
      double share = 0.001 + random.nextDouble() * 0.999;
      int warmupSeconds = random.nextInt(601);
      RampSchedule s =
          new RampSchedule(rate, share, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(5));
      String as = s.toString();
      long w = s.warmupCount();
      double integral = rate * warmupSeconds * (1 + share) / 2;
      assertThat((double) w).as(as).isCloseTo(integral, within(1.0));
      long step = Math.max(1, w / 5_000);
      long previous = -1;
      for (long i = 0; i < s.total(); i += i < w ? step : Math.max(1, s.measuredCount() / 100)) {
        long o = s.offsetNanos(i);
        assertThat(o).as("%s, request %d", as, i).isGreaterThanOrEqualTo(previous);
        previous = o;
      }
      if (w > 0) {
        assertThat(s.offsetNanos(w - 1)).as(as).isLessThanOrEqualTo(s.measuredStartNanos());
        assertThat(s.offsetNanos(w)).as(as).isEqualTo(s.measuredStartNanos());
      }
    }
  }

  @Test
  void requestsDueByAnyTimeMatchTheRampsIntegral() {
    SplittableRandom random = new SplittableRandom(23);
    for (int n = 0; n < 2_000; n++) {
      double rate = 10 + random.nextDouble() * 4_990;
      double share = 0.01 + random.nextDouble() * 0.99;
      double t = 60 * random.nextDouble();
      RampSchedule s = new RampSchedule(rate, share, Duration.ofSeconds(60), Duration.ZERO);
      double dueByT = rate * (share * t + (1 - share) * t * t / 120);
      long i = Math.min((long) dueByT, s.warmupCount() - 1);
      // request i is due no later than t, request i + 1 no earlier (within a nanosecond's rounding)
      assertThat(s.offsetNanos(i)).as("%s at %s s", s, t).isLessThanOrEqualTo((long) (t * 1e9) + 1);
      if (i + 1 < s.warmupCount()) {
        assertThat(s.offsetNanos(i + 1))
            .as("%s at %s s", s, t)
            .isGreaterThanOrEqualTo((long) (t * 1e9) - 1);
      }
    }
  }

  @Test
  void badValuesAreRefusedNamingTheFieldValueAndWhatIsAllowed() {
    Duration m = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new RampSchedule(0, 0.1, m, m))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be a finite number above 0, was 0.0");
    assertThatThrownBy(() -> new RampSchedule(Double.NaN, 0.1, m, m))
        .hasMessageContaining("rate must be a finite number above 0, was NaN");
    assertThatThrownBy(() -> new RampSchedule(Double.POSITIVE_INFINITY, 0.1, m, m))
        .hasMessageContaining("was Infinity");
    assertThatThrownBy(() -> new RampSchedule(100, 0, m, m))
        .hasMessage("startShare must be above 0 and at most 1, was 0.0");
    assertThatThrownBy(() -> new RampSchedule(100, 1.5, m, m))
        .hasMessage("startShare must be above 0 and at most 1, was 1.5");
    assertThatThrownBy(() -> new RampSchedule(100, 0.1, Duration.ofSeconds(-1), m))
        .hasMessage("warmup must not be negative, was PT-1S");
    assertThatThrownBy(() -> new RampSchedule(100, 0.1, m, Duration.ofSeconds(-2)))
        .hasMessage("measured must not be negative, was PT-2S");
    assertThatThrownBy(() -> new RampSchedule(100, 0.1, null, m))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("warmup");
    assertThatThrownBy(() -> RAMP.offsetNanos(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request index must not be negative, was -1");
  }
}
