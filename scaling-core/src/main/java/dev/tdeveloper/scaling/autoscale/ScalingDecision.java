package dev.tdeveloper.scaling.autoscale;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An autoscaler's answer: how many replicas the workload should run, and why.
 *
 * @param time the time of the input decided on
 * @param currentReplicas replicas when deciding
 * @param desiredReplicas replicas wanted, at least 0
 * @param autoscaler the deciding autoscaler's {@link Autoscaler#name()}
 * @param reasons the steps that led to {@code desiredReplicas}, in the order they applied
 */
public record ScalingDecision(
    Instant time,
    int currentReplicas,
    int desiredReplicas,
    String autoscaler,
    List<ScalingReason> reasons) {
  /** Validates and copies. */
  public ScalingDecision {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(autoscaler, "autoscaler");
    reasons = List.copyOf(reasons);
    if (currentReplicas < 0) {
      throw new IllegalArgumentException(
          "currentReplicas: " + currentReplicas + " is negative; allowed: >= 0");
    }
    if (desiredReplicas < 0) {
      throw new IllegalArgumentException(
          "desiredReplicas: " + desiredReplicas + " is negative; allowed: >= 0");
    }
  }

  /**
   * Keeps the current count.
   *
   * @param input the input decided on
   * @param autoscaler the deciding autoscaler's name
   * @param reasons why nothing changes
   * @return a decision with {@code desiredReplicas == currentReplicas}
   */
  public static ScalingDecision unchanged(
      ScalingInput input, String autoscaler, List<ScalingReason> reasons) {
    return new ScalingDecision(
        input.time(), input.currentReplicas(), input.currentReplicas(), autoscaler, reasons);
  }

  /**
   * Which way this decision moves.
   *
   * @return up, down or none
   */
  public ScalingDirection direction() {
    return ScalingDirection.of(currentReplicas, desiredReplicas);
  }

  /**
   * Whether a reason with this rule code is among the reasons.
   *
   * @param rule a rule code
   * @return true when some reason has it
   */
  public boolean hasReason(String rule) {
    for (ScalingReason r : reasons) {
      if (r.rule().equals(rule)) {
        return true;
      }
    }
    return false;
  }
}
