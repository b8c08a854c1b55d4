package dev.tdeveloper.scaling.autoscale;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of how a decision came about, so an operator can read why: which rule applied, to which
 * metric, with what numbers.
 *
 * @param rule a stable dot-separated code, {@code "hpa.metric"}, {@code "hpa.tolerance"}, {@code
 *     "hpa.stabilization.down"}, {@code "hpa.policy"}, {@code "bounds.max"}, {@code "step.adjust"}
 *     for example; each autoscaler documents its codes
 * @param metric the metric the rule looked at, if any
 * @param detail the numbers in words, {@code "usage ratio 1.37 (avg 0.82 / target 0.60) over 4
 *     ready replicas"} for example
 */
public record ScalingReason(String rule, Optional<Metric> metric, String detail) {
  /** Validates. */
  public ScalingReason {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(detail, "detail");
    if (rule.isBlank()) {
      throw new IllegalArgumentException("rule: blank; allowed: a code such as hpa.metric");
    }
  }

  /**
   * A reason about no particular metric.
   *
   * @param rule the rule's code
   * @param detail the numbers in words
   * @return the reason
   */
  public static ScalingReason of(String rule, String detail) {
    return new ScalingReason(rule, Optional.empty(), detail);
  }

  /**
   * A reason about one metric.
   *
   * @param rule the rule's code
   * @param metric the metric
   * @param detail the numbers in words
   * @return the reason
   */
  public static ScalingReason of(String rule, Metric metric, String detail) {
    return new ScalingReason(rule, Optional.of(metric), detail);
  }

  @Override
  public String toString() {
    return rule + metric.map(m -> "[" + m.key() + "]").orElse("") + ": " + detail;
  }
}
