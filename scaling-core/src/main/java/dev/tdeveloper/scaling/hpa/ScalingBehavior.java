package dev.tdeveloper.scaling.hpa;

import java.util.Objects;

/**
 * The HPA's {@code spec.behavior}: scale-up and scale-down rules. Without a behavior a {@link
 * TargetTrackingAutoscaler} follows the HPA's legacy path instead (a 300 s downscale stabilization
 * and a scale-up cap of {@code max(2 x current, 4)}). Immutable and thread-safe.
 *
 * @param scaleUp the rules when the recommendation is above the current count
 * @param scaleDown the rules when it is below
 */
public record ScalingBehavior(ScalingRules scaleUp, ScalingRules scaleDown) {
  /** Validates. */
  public ScalingBehavior {
    Objects.requireNonNull(scaleUp, "scaleUp");
    Objects.requireNonNull(scaleDown, "scaleDown");
  }

  /**
   * The HPA's documented default behavior ({@link ScalingRules#defaultScaleUp()} and {@link
   * ScalingRules#defaultScaleDown()}).
   *
   * @return the default behavior
   */
  public static ScalingBehavior defaults() {
    return new ScalingBehavior(ScalingRules.defaultScaleUp(), ScalingRules.defaultScaleDown());
  }
}
