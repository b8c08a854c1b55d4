package dev.tdeveloper.scaling.vertical;

import dev.tdeveloper.scaling.autoscale.ScalingReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * CPU and memory requests recommended for one container, with their bounds and how much history
 * backs them.
 *
 * @param key the container
 * @param time when the recommendation was made
 * @param cpuCores CPU in cores ({@code 0.25} = 250 millicores)
 * @param memoryBytes memory in bytes, whole numbers
 * @param confidence days of history backing the bounds: {@code min(days between the first and last
 *     sample, samples / 1440)}, as the VPA computes it; the bounds narrow as it grows
 * @param reasons how each number came about, codes {@code vpa.cpu}, {@code vpa.memory}, {@code
 *     vpa.confidence}, {@code vpa.min.cpu}, {@code vpa.min.memory}, {@code vpa.oom}, {@code
 *     vpa.nodata.cpu}, {@code vpa.nodata.memory}
 */
public record VerticalRecommendation(
    ContainerKey key,
    Instant time,
    ResourceEstimate cpuCores,
    ResourceEstimate memoryBytes,
    double confidence,
    List<ScalingReason> reasons) {
  /** Validates and copies. */
  public VerticalRecommendation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(cpuCores, "cpuCores");
    Objects.requireNonNull(memoryBytes, "memoryBytes");
    reasons = List.copyOf(reasons);
    if (!Double.isFinite(confidence) || confidence < 0) {
      throw new IllegalArgumentException(
          "confidence: " + confidence + "; allowed: a finite value >= 0");
    }
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
