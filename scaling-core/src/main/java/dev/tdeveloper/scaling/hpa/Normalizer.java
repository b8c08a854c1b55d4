package dev.tdeveloper.scaling.hpa;

import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.util.List;

/**
 * The HPA's normalization of a raw recommendation: stabilization over past recommendations, then
 * the rate limit (behavior policies, or the legacy {@code max(2 x current, 4)} cap), then the
 * replica bounds. Holds the recommendation and scale-event history; not thread-safe (the autoscaler
 * serializes calls).
 */
final class Normalizer {
  /** The HPA controller's default downscale stabilization when no behavior is configured. */
  static final long LEGACY_DOWN_WINDOW_NANOS = 300_000_000_000L;

  private final ReplicaBounds bounds;
  private final ScalingBehavior behavior;
  private final long upWindow;
  private final long downWindow;
  private final SlidingExtremum upMin = new SlidingExtremum(false);
  private final SlidingExtremum downMax = new SlidingExtremum(true);
  private final ScaleEventLog upEvents;
  private final ScaleEventLog downEvents;

  /** A normalizer on the behavior path, or on the legacy path when {@code behavior} is null. */
  Normalizer(ReplicaBounds bounds, ScalingBehavior behavior) {
    this.bounds = bounds;
    this.behavior = behavior;
    if (behavior == null) {
      upWindow = 0;
      downWindow = LEGACY_DOWN_WINDOW_NANOS;
      upEvents = null;
      downEvents = null;
    } else {
      upWindow = behavior.scaleUp().stabilizationWindow().toNanos();
      downWindow = behavior.scaleDown().stabilizationWindow().toNanos();
      long retain =
          Math.max(
              behavior.scaleUp().longestPeriodNanos(), behavior.scaleDown().longestPeriodNanos());
      upEvents = new ScaleEventLog(retain);
      downEvents = new ScaleEventLog(retain);
    }
  }

  int normalize(long now, int current, int desired, List<ScalingReason> reasons) {
    return behavior == null
        ? legacy(now, current, desired, reasons)
        : withBehavior(now, current, desired, reasons);
  }

  /** Records a change that the decision makes, for the policies' periods. */
  void recordScale(long now, int from, int to) {
    if (behavior == null || from == to) {
      return;
    }
    if (to > from) {
      upEvents.record(now, to - from);
    } else {
      downEvents.record(now, from - to);
    }
  }

  private int legacy(long now, int current, int desired, List<ScalingReason> reasons) {
    downMax.evict(now - downWindow, true);
    int stabilized = downMax.extremum(desired);
    downMax.add(now, Math.min(desired, bounds.max()));
    if (stabilized != desired) {
      reasons.add(
          ScalingReason.of(
              "hpa.stabilization.down",
              "raw "
                  + desired
                  + " held at "
                  + stabilized
                  + ", the highest recommendation of the last 300s"));
    }
    if (stabilized < bounds.min()) {
      reasons.add(
          ScalingReason.of("bounds.min", stabilized + " raised to minReplicas " + bounds.min()));
      return bounds.min();
    }
    long cap = Math.max(2L * current, 4L);
    if (stabilized > bounds.max() || stabilized > cap) {
      if (bounds.max() > cap) {
        reasons.add(
            ScalingReason.of(
                "hpa.legacy-cap", stabilized + " capped at max(2 x " + current + ", 4) = " + cap));
        return (int) cap;
      }
      reasons.add(
          ScalingReason.of("bounds.max", stabilized + " lowered to maxReplicas " + bounds.max()));
      return bounds.max();
    }
    return stabilized;
  }

  private int withBehavior(long now, int current, int desired, List<ScalingReason> reasons) {
    upMin.evict(now - upWindow, false);
    downMax.evict(now - downWindow, false);
    int upRec = upMin.extremum(desired);
    int downRec = downMax.extremum(desired);
    int recorded = Math.min(desired, bounds.max());
    upMin.add(now, recorded);
    downMax.add(now, recorded);
    int rec = current;
    if (rec < upRec) {
      rec = upRec;
    }
    if (rec > downRec) {
      rec = downRec;
    }
    if (rec != desired) {
      boolean up = desired > current;
      reasons.add(
          ScalingReason.of(
              up ? "hpa.stabilization.up" : "hpa.stabilization.down",
              "raw "
                  + desired
                  + " held at "
                  + rec
                  + ", the "
                  + (up ? "lowest" : "highest")
                  + " recommendation within the "
                  + (up ? "scale-up" : "scale-down")
                  + " stabilization window"));
    }
    if (rec > current) {
      long limit = Math.max(current, policyLimit(now, current, behavior.scaleUp(), true));
      if (bounds.max() > limit) {
        if (rec > limit) {
          reasons.add(
              ScalingReason.of(
                  "hpa.policy.up",
                  rec
                      + " limited to "
                      + limit
                      + " by the scale-up policies ("
                      + behavior.scaleUp().selectPolicy()
                      + ")"));
          return (int) limit;
        }
      } else if (rec > bounds.max()) {
        reasons.add(
            ScalingReason.of("bounds.max", rec + " lowered to maxReplicas " + bounds.max()));
        return bounds.max();
      }
    } else if (rec < current) {
      long limit = Math.min(current, policyLimit(now, current, behavior.scaleDown(), false));
      if (bounds.min() < limit) {
        if (rec < limit) {
          reasons.add(
              ScalingReason.of(
                  "hpa.policy.down",
                  rec
                      + " limited to "
                      + limit
                      + " by the scale-down policies ("
                      + behavior.scaleDown().selectPolicy()
                      + ")"));
          return (int) limit;
        }
      } else if (rec < bounds.min()) {
        reasons.add(ScalingReason.of("bounds.min", rec + " raised to minReplicas " + bounds.min()));
        return bounds.min();
      }
    }
    return rec;
  }

  private long periodStart(long now, int current, ScalingPolicy p) {
    long period = p.period().toNanos();
    return current - upEvents.changesWithin(now, period) + downEvents.changesWithin(now, period);
  }

  /**
   * The furthest the policies let the count move from {@code current} in one direction. MAX picks
   * the policy allowing the most change, MIN the least: upwards the highest or the lowest proposal,
   * downwards the other way round (the most change downwards is the lowest count).
   */
  private long policyLimit(long now, int current, ScalingRules rules, boolean up) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean pickHighest = (rules.selectPolicy() == SelectPolicy.MAX) == up;
    long result = pickHighest ? Long.MIN_VALUE : Long.MAX_VALUE;
    List<ScalingPolicy> policies = rules.policies();
    for (int i = 0, n = policies.size(); i < n; i++) {
      ScalingPolicy p = policies.get(i);
      long start = periodStart(now, current, p);
      long proposed;
      if (p.type() == ScalingPolicy.Type.PODS) {
        proposed = up ? start + p.value() : start - p.value();
      } else {
        // Percent: rounded up when scaling up, truncated when scaling down, as the HPA does.
        proposed =
            up
                ? (long) Math.ceil(start * (1 + p.value() / 100.0))
                : (long) (start * (1 - p.value() / 100.0));
      }
      result = pickHighest ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }
}
