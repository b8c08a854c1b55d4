package dev.tdeveloper.scaling.hpa;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one direction may change within a period, as an HPA {@code HPAScalingPolicy}: at most
 * {@code value} replicas ({@link Type#PODS}) or {@code value} percent of the replicas at the
 * period's start ({@link Type#PERCENT}). Immutable and thread-safe.
 *
 * @param type pods or percent
 * @param value the allowed change, above 0
 * @param period the sliding window the change is counted over, above 0 and at most {@value
 *     #MAX_PERIOD_SECONDS} s (the HPA's validation)
 */
public record ScalingPolicy(Type type, int value, Duration period) {
  /** The longest period the HPA accepts, in seconds. */
  public static final long MAX_PERIOD_SECONDS = 1800;

  /** What a policy's value counts. */
  public enum Type {
    /** A number of replicas. */
    PODS,
    /** A percentage of the replicas at the start of the period. */
    PERCENT
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the field and value when the value is not above 0 or
   *     the period is not in {@code (0, 1800 s]}
   */
  public ScalingPolicy {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(period, "period");
    if (value <= 0) {
      throw new IllegalArgumentException(
          "policy value: " + value + " (" + type + "); allowed: > 0");
    }
    if (period.isNegative()
        || period.isZero()
        || period.compareTo(Duration.ofSeconds(MAX_PERIOD_SECONDS)) > 0) {
      throw new IllegalArgumentException(
          "policy period: " + period + "; allowed: > 0s and <= " + MAX_PERIOD_SECONDS + "s");
    }
  }

  /**
   * At most {@code pods} replicas per period.
   *
   * @param pods the allowed change in replicas
   * @param period the period
   * @return the policy
   */
  public static ScalingPolicy pods(int pods, Duration period) {
    return new ScalingPolicy(Type.PODS, pods, period);
  }

  /**
   * At most {@code percent}% of the replicas at the period's start per period.
   *
   * @param percent the allowed change in percent
   * @param period the period
   * @return the policy
   */
  public static ScalingPolicy percent(int percent, Duration period) {
    return new ScalingPolicy(Type.PERCENT, percent, period);
  }
}
