package dev.tdeveloper.scaling.autoscale;

/**
 * Decides how many replicas a workload should run. Implementations: target tracking with the
 * Kubernetes HPA semantics, AWS-style step scaling, predictive, cost-aware, scheduled and
 * scale-to-zero, and compositions of them.
 *
 * <p>Stateful autoscalers (stabilization windows, cooldowns, forecasts) are thread-safe and expect
 * inputs in non-decreasing time; an input earlier than the previous one is refused with an {@link
 * IllegalArgumentException} naming both times and changes no state. An autoscaler never returns a
 * count outside its configured bounds, with one exception taken from the Kubernetes HPA: a workload
 * set to zero replicas while its minimum is above zero has had autoscaling switched off, and stays
 * at zero (reason {@code hpa.scaling-disabled}).
 */
public interface Autoscaler {
  /**
   * Decides the desired replica count for this input.
   *
   * @param input the replicas, their samples and the time of the decision
   * @return the desired replicas and the reasons that led there
   * @throws NullPointerException if {@code input} is null
   * @throws IllegalArgumentException if {@code input} is older than the previous input
   */
  ScalingDecision decide(ScalingInput input);

  /**
   * Names this autoscaler in decisions, events and status output.
   *
   * @return a short stable name, {@code "target-tracking"} for example
   */
  String name();
}
