package dev.tdeveloper.scaling.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded synthetic workload traces: the same {@link Span} (start, duration, resolution, seed) and
 * parameters always give the same trace. Times of day are UTC. Generating 14 days at one-minute
 * resolution (20,160 points) takes a few milliseconds. Stateless and thread-safe.
 */
public final class TraceGenerators {
  /** Most points one trace may have: {@value}. */
  public static final long MAX_POINTS = 10_000_000;

  private static final double NOISE = 0.03;

  private TraceGenerators() {}

  /**
   * Where and how finely a generator samples, and its seed.
   *
   * @param start the first point's time, whole seconds
   * @param duration how long the trace covers, at least two resolutions
   * @param resolution the spacing of points, whole seconds and at least one second
   * @param seed the random seed
   */
  public record Span(Instant start, Duration duration, Duration resolution, long seed) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the field and value when out of range
     */
    public Span {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(resolution, "resolution");
      if (start.getNano() != 0) {
        throw new IllegalArgumentException("start: " + start + "; allowed: whole seconds");
      }
      if (resolution.getNano() != 0 || resolution.getSeconds() < 1) {
        throw new IllegalArgumentException(
            "resolution: " + resolution + "; allowed: whole seconds, at least PT1S");
      }
      if (duration.compareTo(resolution.multipliedBy(2)) < 0) {
        throw new IllegalArgumentException(
            "duration: " + duration + "; allowed: at least two resolutions (" + resolution + ")");
      }
      if (duration.getSeconds() / resolution.getSeconds() > MAX_POINTS) {
        throw new IllegalArgumentException(
            "duration: " + duration + " at " + resolution + "; allowed: at most " + MAX_POINTS);
      }
    }

    int points() {
      return (int) (duration.getSeconds() / resolution.getSeconds());
    }
  }

  private interface Shape {
    double at(long epochSecond, SplittableRandom random);
  }

  /**
   * A business-day curve: a daily sinusoid from {@code trough} at 04:00 UTC to {@code peak} at
   * 16:00 UTC, with 3% multiplicative noise.
   *
   * @param span where, how finely and the seed
   * @param trough the night-time load, requests/s
   * @param peak the afternoon load, requests/s, at least {@code trough}
   * @return the trace
   */
  public static WorkloadTrace diurnal(Span span, double trough, double peak) {
    checkRange(trough, peak);
    return generate(span, (s, r) -> noisy(daily(s, trough, peak), r));
  }

  /**
   * The {@link #diurnal} curve on weekdays, multiplied by {@code weekendFactor} on Saturdays and
   * Sundays (UTC).
   *
   * @param span where, how finely and the seed
   * @param trough the weekday night-time load
   * @param peak the weekday afternoon load
   * @param weekendFactor the weekend share of the weekday load, in {@code (0, 1]}
   * @return the trace
   */
  public static WorkloadTrace weekly(Span span, double trough, double peak, double weekendFactor) {
    checkRange(trough, peak);
    if (!(weekendFactor > 0 && weekendFactor <= 1)) {
      throw new IllegalArgumentException(
          "weekendFactor: " + weekendFactor + "; allowed: above 0 and at most 1");
    }
    return generate(
        span,
        (s, r) -> {
          DayOfWeek day = Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC).getDayOfWeek();
          boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
          return noisy(daily(s, trough, peak) * (weekend ? weekendFactor : 1), r);
        });
  }

  /**
   * A flash sale every day: {@link #spike(Span, double, double, LocalTime, Duration)} with a 5x
   * spike at 12:00 UTC for 20 minutes.
   *
   * @param span where, how finely and the seed
   * @param baseline the load outside spikes
   * @return the trace
   */
  public static WorkloadTrace spike(Span span, double baseline) {
    return spike(span, baseline, 5, LocalTime.NOON, Duration.ofMinutes(20));
  }

  /**
   * A flat {@code baseline} (3% noise) with a recurring daily spike of {@code factor} x baseline
   * starting at {@code at} UTC for {@code length}, which a predictive autoscaler can learn, plus
   * one unannounced spike of the same size and length that it cannot: it starts at a seeded time in
   * the second half of the span, at least one hour away from every daily spike.
   *
   * @param span where, how finely and the seed
   * @param baseline the load outside spikes
   * @param factor the spike's multiple of the baseline, at least 1
   * @param at the time of day the daily spike starts (UTC)
   * @param length how long each spike lasts, above zero and under 22 hours
   * @return the trace
   */
  public static WorkloadTrace spike(
      Span span, double baseline, double factor, LocalTime at, Duration length) {
    checkRange(baseline, baseline);
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(length, "length");
    if (!Double.isFinite(factor) || factor < 1) {
      throw new IllegalArgumentException("factor: " + factor + "; allowed: a finite value >= 1");
    }
    if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofHours(22)) >= 0) {
      throw new IllegalArgumentException(
          "length: " + length + "; allowed: above zero and under PT22H");
    }
    long daily = at.toSecondOfDay();
    long len = length.getSeconds();
    long unannounced = unannouncedStart(span, daily, len);
    return generate(
        span,
        (s, r) -> {
          long sinceDaily = Math.floorMod(s - daily, 86_400L);
          boolean inSpike = sinceDaily < len || (s >= unannounced && s < unannounced + len);
          return noisy(baseline * (inSpike ? factor : 1), r);
        });
  }

  private static long unannouncedStart(Span span, long daily, long len) {
    SplittableRandom r = new SplittableRandom(span.seed() ^ 0x5DEECE66DL);
    long from = span.start().getEpochSecond() + span.duration().getSeconds() / 2;
    long room = Math.max(1, span.duration().getSeconds() / 2 - len);
    for (int attempt = 0; attempt < 1000; attempt++) {
      long candidate = from + r.nextLong(room);
      // Keep one hour between the unannounced spike and any daily spike.
      long gapAfterDaily = Math.floorMod(candidate - (daily + len), 86_400L);
      long gapBeforeDaily = Math.floorMod(daily - (candidate + len), 86_400L);
      if (gapAfterDaily >= 3600 && gapBeforeDaily >= 3600) {
        return candidate;
      }
    }
    return Long.MIN_VALUE; // the span is too short for a separate spike: none
  }

  /**
   * A straight line from {@code from} to {@code to} over the span, without noise (the seed is not
   * used).
   *
   * @param span where and how finely
   * @param from the load at the start
   * @param to the load at the end
   * @return the trace
   */
  public static WorkloadTrace ramp(Span span, double from, double to) {
    checkRange(Math.min(from, to), Math.max(from, to));
    double start = span.start().getEpochSecond();
    double length = span.duration().getSeconds();
    return generate(span, (s, r) -> from + (to - from) * ((s - start) / length));
  }

  /**
   * A mean-reverting random walk around {@code mean} (Ornstein-Uhlenbeck: each point moves 5% of
   * the way back to the mean plus a step of {@code volatility x mean} standard deviations) with 3%
   * multiplicative noise on top, floored at zero.
   *
   * @param span where, how finely and the seed
   * @param mean the long-run load
   * @param volatility the walk's step as a fraction of the mean, in {@code [0, 1]}
   * @return the trace
   */
  public static WorkloadTrace noisy(Span span, double mean, double volatility) {
    checkRange(mean, mean);
    if (!(volatility >= 0 && volatility <= 1)) {
      throw new IllegalArgumentException("volatility: " + volatility + "; allowed: 0 to 1");
    }
    double[] level = {mean};
    return generate(
        span,
        (s, r) -> {
          level[0] =
              Math.max(
                  0, level[0] + 0.05 * (mean - level[0]) + volatility * mean * r.nextGaussian());
          return noisy(level[0], r);
        });
  }

  private static WorkloadTrace generate(Span span, Shape shape) {
    int n = span.points();
    long step = span.resolution().getSeconds();
    long first = span.start().getEpochSecond();
    SplittableRandom random = new SplittableRandom(span.seed());
    long[] seconds = new long[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      seconds[i] = first + i * step;
      values[i] = Math.max(0, shape.at(seconds[i], random));
    }
    return new WorkloadTrace(seconds, values);
  }

  private static double daily(long epochSecond, double trough, double peak) {
    double hour = Math.floorMod(epochSecond, 86_400L) / 3600.0;
    return trough + (peak - trough) * (1 - Math.cos(2 * Math.PI * (hour - 4) / 24)) / 2;
  }

  private static double noisy(double value, SplittableRandom random) {
    return Math.max(0, value * (1 + NOISE * random.nextGaussian()));
  }

  private static void checkRange(double low, double high) {
    if (!Double.isFinite(low) || low < 0) {
      throw new IllegalArgumentException("load: " + low + "; allowed: a finite value >= 0");
    }
    if (!Double.isFinite(high) || high < low) {
      throw new IllegalArgumentException(
          "peak: " + high + " is below " + low + "; allowed: a finite value >= the low load");
    }
  }
}
