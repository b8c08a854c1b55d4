package dev.tdeveloper.scaling.predictive;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/** The test harness: synthetic seasonal loads and a trivial lagging reactive floor. */
final class Traces {
  static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");
  static final double DAY_S = 86_400;

  private Traces() {}

  /** A clean daily sinusoid between 50 and 150 req/s, peaking at 12:00. */
  static double sinusoid(double secondsSinceStart) {
    return 100 - 50 * Math.cos(2 * Math.PI * secondsSinceStart / DAY_S);
  }

  /** 100 req/s with a 5x spike from 12:00 to 12:20 every day. */
  static double dailySpike(double s) {
    double ofDay = s % DAY_S;
    return ofDay >= 12 * 3600 && ofDay < 12 * 3600 + 20 * 60 ? 500 : 100;
  }

  /** The sinusoid on weekdays; a flat 40 req/s on Saturdays and Sundays (day 5 and 6). */
  static double weekly(double s) {
    long day = (long) (s / DAY_S) % 7;
    return day >= 5 ? 40 : sinusoid(s);
  }

  /** Samples a load every {@code step} for {@code span} from {@link #MONDAY}, with noise. */
  static List<LoadSample> samples(
      DoubleUnaryOperator load, Duration span, Duration step, double noise, long seed) {
    Random r = new Random(seed);
    List<LoadSample> out = new ArrayList<>();
    for (long s = 0; s < span.toSeconds(); s += step.toSeconds()) {
      double v = load.applyAsDouble(s) * (1 + noise * r.nextGaussian());
      out.add(LoadSample.of(MONDAY.plusSeconds(s), Math.max(0, v)));
    }
    return out;
  }

  static LoadHistory history(Duration bucket, List<LoadSample> samples) {
    LoadHistory h = LoadHistory.of(bucket, Duration.ofDays(14));
    for (LoadSample s : samples) {
      h.record(s.time(), s.value());
    }
    return h;
  }

  static ScalingInput input(Instant t, int replicas, double load) {
    return ScalingInput.at(t)
        .readyReplicas(replicas, Metric.UTILIZATION, 0.5)
        .workload(Metric.REQUESTS_PER_SECOND, load)
        .build();
  }

  /** ceil(load / perReplica) of the load seen {@code lag} decisions ago: a slow reactive floor. */
  static final class LaggedFloor implements Autoscaler {
    private final double perReplica;
    private final int lag;
    private final ArrayDeque<Double> seen = new ArrayDeque<>();

    LaggedFloor(double perReplica, int lag) {
      this.perReplica = perReplica;
      this.lag = lag;
    }

    @Override
    public synchronized ScalingDecision decide(ScalingInput input) {
      seen.addLast(input.workload(Metric.REQUESTS_PER_SECOND).orElse(0));
      while (seen.size() > lag + 1) {
        seen.removeFirst();
      }
      int want = (int) Math.ceil(seen.peekFirst() / perReplica);
      return new ScalingDecision(
          input.time(),
          input.currentReplicas(),
          want,
          name(),
          List.of(ScalingReason.of("floor.load", "load " + seen.peekFirst())));
    }

    @Override
    public String name() {
      return "lagged-floor";
    }
  }
}
