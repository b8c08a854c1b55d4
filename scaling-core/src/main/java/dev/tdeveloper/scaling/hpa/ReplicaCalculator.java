package dev.tdeveloper.scaling.hpa;

import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.util.List;

/**
 * The HPA's replica calculator: one proposal per metric target, combined by taking the maximum.
 * Stateless and thread-safe. Ratios are computed in floating point; a product within {@link
 * #EPSILON} of an integer counts as that integer, as the HPA's integer milli-unit arithmetic would.
 */
final class ReplicaCalculator {
  /** Marks a metric (or the whole computation) as invalid. */
  static final int INVALID = -1;

  private static final double EPSILON = 1e-9;

  private final MetricTarget[] targets;
  private final double scaleUpTolerance;
  private final double scaleDownTolerance;

  ReplicaCalculator(
      List<MetricTarget> targets, double scaleUpTolerance, double scaleDownTolerance) {
    this.targets = targets.toArray(new MetricTarget[0]);
    this.scaleUpTolerance = scaleUpTolerance;
    this.scaleDownTolerance = scaleDownTolerance;
  }

  /**
   * The largest proposal over all metrics, or {@link #INVALID} when every metric is invalid or some
   * are and the valid ones would scale down (the HPA then keeps the count).
   */
  int propose(ScalingInput input, List<ScalingReason> reasons) {
    int current = input.currentReplicas();
    int best = 0;
    int invalid = 0;
    for (MetricTarget t : targets) {
      int p = t.kind().perReplica() ? perReplica(input, t, reasons) : workload(input, t, reasons);
      if (p == INVALID) {
        invalid++;
      } else if (p > best) {
        best = p;
      }
    }
    if (invalid == targets.length) {
      reasons.add(
          ScalingReason.of("hpa.invalid", "all " + invalid + " metrics invalid: no change"));
      return INVALID;
    }
    if (invalid > 0 && best < current) {
      reasons.add(
          ScalingReason.of(
              "hpa.invalid",
              invalid
                  + " metric(s) invalid and the others propose "
                  + best
                  + " < "
                  + current
                  + ": no scale-down on partial metrics"));
      return INVALID;
    }
    return best;
  }

  private boolean within(double ratio) {
    return 1.0 - scaleDownTolerance <= ratio && ratio <= 1.0 + scaleUpTolerance;
  }

  private static int ceil(double x) {
    double c = Math.ceil(x - EPSILON);
    return c >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(0, c);
  }

  private int perReplica(ScalingInput input, MetricTarget t, List<ScalingReason> reasons) {
    Metric m = t.metric();
    int current = input.currentReplicas();
    int reporting = 0;
    int missing = 0;
    int unready = 0;
    double sum = 0;
    List<ReplicaSample> replicas = input.replicas();
    for (int i = 0, n = replicas.size(); i < n; i++) {
      ReplicaSample r = replicas.get(i);
      if (!r.ready()) {
        unready++;
        continue;
      }
      Double v = r.metrics().get(m);
      if (v == null) {
        missing++;
      } else {
        sum += v;
        reporting++;
      }
    }
    if (reporting == 0) {
      reasons.add(
          ScalingReason.of(
              "hpa.invalid", m, "no ready replica reports it (" + current + " replicas)"));
      return INVALID;
    }
    double ratio = sum / reporting / t.target();
    reasons.add(
        ScalingReason.of(
            "hpa.metric",
            m,
            "usage ratio "
                + fmt(ratio)
                + " (avg "
                + fmt(sum / reporting)
                + " / target "
                + fmt(t.target())
                + ") over "
                + reporting
                + " ready replicas"));
    boolean scaleUpWithUnready = unready > 0 && ratio > 1.0;
    if (!scaleUpWithUnready && missing == 0) {
      if (within(ratio)) {
        reasons.add(tolerance(m, ratio, current));
        return current;
      }
      return ceil(ratio * reporting);
    }
    int count = reporting;
    if (missing > 0) {
      if (ratio < 1.0) {
        double fallback =
            t.kind() == MetricTarget.Kind.UTILIZATION ? Math.max(1.0, t.target()) : t.target();
        sum += missing * fallback;
        count += missing;
        reasons.add(
            ScalingReason.of(
                "hpa.missing",
                m,
                missing
                    + " replicas without the metric counted as "
                    + fmt(fallback)
                    + " (scale-down)"));
      } else if (ratio > 1.0) {
        count += missing;
        reasons.add(
            ScalingReason.of(
                "hpa.missing",
                m,
                missing + " replicas without the metric counted as 0 (scale-up)"));
      }
    }
    if (scaleUpWithUnready) {
      count += unready;
      reasons.add(
          ScalingReason.of(
              "hpa.unready", m, unready + " unready replicas counted as 0 (scale-up)"));
    }
    double newRatio = sum / count / t.target();
    if (within(newRatio)) {
      reasons.add(tolerance(m, newRatio, current));
      return current;
    }
    if ((ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) {
      reasons.add(flip(m, ratio, newRatio, current));
      return current;
    }
    int proposal = ceil(newRatio * count);
    if ((newRatio < 1.0 && proposal > current) || (newRatio > 1.0 && proposal < current)) {
      reasons.add(flip(m, ratio, newRatio, current));
      return current;
    }
    reasons.add(
        ScalingReason.of(
            "hpa.metric",
            m,
            "recomputed ratio " + fmt(newRatio) + " over " + count + " replicas -> " + proposal));
    return proposal;
  }

  private int workload(ScalingInput input, MetricTarget t, List<ScalingReason> reasons) {
    Metric m = t.metric();
    int current = input.currentReplicas();
    Double value = input.workloadMetrics().get(m);
    if (value == null) {
      reasons.add(ScalingReason.of("hpa.invalid", m, "workload metric not reported"));
      return INVALID;
    }
    if (t.kind() == MetricTarget.Kind.WORKLOAD_AVERAGE_VALUE) {
      // Division by zero replicas gives an infinite (or NaN) ratio: outside the tolerance.
      double ratio = value / (t.target() * current);
      reasons.add(
          ScalingReason.of(
              "hpa.metric",
              m,
              "usage ratio "
                  + fmt(ratio)
                  + " (total "
                  + fmt(value)
                  + " / (target "
                  + fmt(t.target())
                  + " x "
                  + current
                  + " replicas))"));
      if (within(ratio)) {
        reasons.add(tolerance(m, ratio, current));
        return current;
      }
      return ceil(value / t.target());
    }
    double ratio = value / t.target();
    reasons.add(
        ScalingReason.of(
            "hpa.metric",
            m,
            "usage ratio "
                + fmt(ratio)
                + " (value "
                + fmt(value)
                + " / target "
                + fmt(t.target())
                + ")"));
    if (current == 0) {
      return ceil(ratio);
    }
    if (within(ratio)) {
      reasons.add(tolerance(m, ratio, current));
      return current;
    }
    return ceil(ratio * input.readyReplicas());
  }

  private ScalingReason tolerance(Metric m, double ratio, int current) {
    return ScalingReason.of(
        "hpa.tolerance",
        m,
        "ratio "
            + fmt(ratio)
            + " within ["
            + fmt(1.0 - scaleDownTolerance)
            + ", "
            + fmt(1.0 + scaleUpTolerance)
            + "]: keep "
            + current);
  }

  private static ScalingReason flip(Metric m, double ratio, double newRatio, int current) {
    return ScalingReason.of(
        "hpa.direction-flip",
        m,
        "ratio "
            + fmt(ratio)
            + " recomputed as "
            + fmt(newRatio)
            + " changes direction: keep "
            + current);
  }

  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return Double.toString(Math.round(v * 1000) / 1000.0);
  }
}
