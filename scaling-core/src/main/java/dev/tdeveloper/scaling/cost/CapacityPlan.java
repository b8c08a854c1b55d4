package dev.tdeveloper.scaling.cost;

import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The capacity a {@link CostAwareAutoscaler} chose, with its cost and how close it runs to the SLO
 * ceiling.
 *
 * @param replicas replicas per option name, in the order the options were configured
 * @param totalReplicas the sum of {@code replicas}, the autoscaler's desired count
 * @param hourlyCost the plan's price per hour
 * @param load the load planned for (requests per second)
 * @param effectiveCapacity the capacity planned with, spot discounted by its interruption rate
 * @param expectedUtilization {@code load / effectiveCapacity}; 0 without load, infinite when there
 *     is load and no capacity
 * @param headroom {@code effectiveCapacity x ceiling - load}: load that can still arrive before the
 *     ceiling is crossed; negative when the SLO is at risk
 * @param meetsCeiling whether {@code expectedUtilization <= ceiling}
 * @param reasons the trade-off in words: {@code cost.load}, {@code cost.plan}, {@code
 *     cost.ceiling}, {@code cost.budget}, {@code bounds.min}, {@code bounds.max}
 */
public record CapacityPlan(
    Map<String, Integer> replicas,
    int totalReplicas,
    double hourlyCost,
    double load,
    double effectiveCapacity,
    double expectedUtilization,
    double headroom,
    boolean meetsCeiling,
    List<ScalingReason> reasons) {
  /** Copies. */
  public CapacityPlan {
    replicas = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(replicas)));
    reasons = List.copyOf(reasons);
  }

  /**
   * Whether a reason with this code is among the reasons.
   *
   * @param rule a reason code
   * @return true when some reason has it
   */
  public boolean hasReason(String rule) {
    return reasons.stream().anyMatch(r -> r.rule().equals(rule));
  }
}
