package dev.tdeveloper.benchmarks.load;

import java.time.Duration;
import java.util.Objects;

/**
 * When each request of a generator run is due, as an offset from the run's start: during the
 * warm-up the rate rises linearly from {@code startShare} of {@code rate} to {@code rate}, as a
 * load balancer's slow start ramps traffic onto a new target (AWS ALB's slow start mode, Envoy's
 * {@code slow_start_config}), so a cold JVM is not handed its full traffic before the JIT has
 * compiled the request path; the measured part then runs at exactly {@code rate}, request {@code j}
 * of it due at {@code warmup + j / rate}. A start share of 1 is the flat warm-up of the load test
 * before the fourteenth session.
 *
 * <p>Over the warm-up {@code W} the rate is {@code r(t) = rate (s + (1 - s) t / W)}, so by time
 * {@code t} the schedule has issued {@code N(t) = rate (s t + (1 - s) t^2 / (2W))} requests, and
 * request {@code i} of the warm-up is due when {@code N(t) = i}: the positive root of that
 * quadratic, computed as {@code 2i / (b + sqrt(b^2 + 4ai))} (with {@code a = rate (1 - s) / (2W)},
 * {@code b = rate s}), which needs no special case for the flat {@code s = 1} and loses no digits.
 * The warm-up holds {@code floor(N(W)) = floor(rate W (1 + s) / 2)} requests. Immutable and
 * thread-safe; {@link #offsetNanos} allocates nothing.
 *
 * @param rate the measured part's requests per second, above 0
 * @param startShare the warm-up's first rate as a share of {@code rate}, in (0, 1]
 * @param warmup the warm-up's length, not negative
 * @param measured the measured part's length, not negative
 */
public record RampSchedule(double rate, double startShare, Duration warmup, Duration measured) {
  /** The start share of the load test's default warm-up: {@value}, as a typical ALB slow start. */
  public static final double DEFAULT_START_SHARE = 0.1;

  /**
   * Validates the schedule.
   *
   * @throws IllegalArgumentException naming the field, its value and what is allowed
   * @throws NullPointerException if a duration is null
   */
  public RampSchedule {
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(measured, "measured");
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a finite number above 0, was " + rate);
    }
    if (!(startShare > 0 && startShare <= 1)) {
      throw new IllegalArgumentException(
          "startShare must be above 0 and at most 1, was " + startShare);
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup must not be negative, was " + warmup);
    }
    if (measured.isNegative()) {
      throw new IllegalArgumentException("measured must not be negative, was " + measured);
    }
  }

  /** A flat schedule: the warm-up at the full {@code rate} too. */
  public static RampSchedule flat(double rate, Duration warmup, Duration measured) {
    return new RampSchedule(rate, 1, warmup, measured);
  }

  /** Returns how many requests the warm-up holds: the ramp's integral, rounded down. */
  public long warmupCount() {
    return (long) (rate * seconds(warmup) * (1 + startShare) / 2);
  }

  /** Returns how many requests the measured part holds: its length times the rate, rounded down. */
  public long measuredCount() {
    return (long) (rate * seconds(measured));
  }

  /** Returns how many requests the whole run holds. */
  public long total() {
    return warmupCount() + measuredCount();
  }

  /**
   * Returns when request {@code i} (0-based, warm-up first) is due, in nanoseconds from the run's
   * start, rounded to the nearest nanosecond. Requests at or past {@link #warmupCount} belong to
   * the measured part, which starts at {@code warmup} exactly, even if the warm-up's last request
   * came earlier.
   *
   * @throws IllegalArgumentException if {@code i} is negative
   */
  public long offsetNanos(long i) {
    if (i < 0) {
      throw new IllegalArgumentException("request index must not be negative, was " + i);
    }
    long warmupCount = warmupCount();
    if (i >= warmupCount) {
      return warmup.toNanos() + Math.round((i - warmupCount) * 1e9 / rate);
    }
    double a = rate * (1 - startShare) / (2 * seconds(warmup));
    double b = rate * startShare;
    double t = 2 * i / (b + Math.sqrt(b * b + 4 * a * i));
    return Math.round(t * 1e9);
  }

  /** Returns the measured part's start, in nanoseconds from the run's start: the warm-up's end. */
  public long measuredStartNanos() {
    return warmup.toNanos();
  }

  /**
   * Returns the scheduled rate, requests per second, at {@code offsetNanos} from the run's start:
   * the ramp's during the warm-up, {@code rate} from its end on.
   */
  public double rateAt(long offsetNanos) {
    long w = warmup.toNanos();
    if (offsetNanos >= w) {
      return rate;
    }
    double progress = Math.max(0, offsetNanos) / (double) w;
    return rate * (startShare + (1 - startShare) * progress);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
