package dev.tdeveloper.scaling.hpa;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The rules of one scaling direction, as the HPA's {@code HPAScalingRules}: a stabilization window,
 * and rate policies combined by a {@link SelectPolicy}. Immutable and thread-safe.
 *
 * @param stabilizationWindow how far back recommendations are considered, from 0 to {@value
 *     #MAX_WINDOW_SECONDS} s
 * @param selectPolicy how the policies combine
 * @param policies at least one rate policy
 */
public record ScalingRules(
    Duration stabilizationWindow, SelectPolicy selectPolicy, List<ScalingPolicy> policies) {
  /** The longest stabilization window the HPA accepts, in seconds. */
  public static final long MAX_WINDOW_SECONDS = 3600;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the value when the window is negative or above one
   *     hour, or no policy is given
   */
  public ScalingRules {
    Objects.requireNonNull(stabilizationWindow, "stabilizationWindow");
    Objects.requireNonNull(selectPolicy, "selectPolicy");
    policies = List.copyOf(policies);
    if (stabilizationWindow.isNegative()
        || stabilizationWindow.compareTo(Duration.ofSeconds(MAX_WINDOW_SECONDS)) > 0) {
      throw new IllegalArgumentException(
          "stabilizationWindow: "
              + stabilizationWindow
              + "; allowed: >= 0s and <= "
              + MAX_WINDOW_SECONDS
              + "s");
    }
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("policies: none; allowed: at least one policy");
    }
  }

  /**
   * The rules for a direction.
   *
   * @param stabilizationWindow the window
   * @param selectPolicy how the policies combine
   * @param policies the policies
   * @return the rules
   */
  public static ScalingRules of(
      Duration stabilizationWindow, SelectPolicy selectPolicy, ScalingPolicy... policies) {
    return new ScalingRules(stabilizationWindow, selectPolicy, List.of(policies));
  }

  /**
   * The HPA's default scale-up rules: no stabilization, at most the larger of +100% and +4 pods per
   * 15 s.
   *
   * @return the rules
   */
  public static ScalingRules defaultScaleUp() {
    return of(
        Duration.ZERO,
        SelectPolicy.MAX,
        ScalingPolicy.percent(100, Duration.ofSeconds(15)),
        ScalingPolicy.pods(4, Duration.ofSeconds(15)));
  }

  /**
   * The HPA's default scale-down rules: a 300 s stabilization window, at most -100% per 15 s.
   *
   * @return the rules
   */
  public static ScalingRules defaultScaleDown() {
    return of(
        Duration.ofSeconds(300),
        SelectPolicy.MAX,
        ScalingPolicy.percent(100, Duration.ofSeconds(15)));
  }

  /** The longest policy period in nanoseconds. */
  long longestPeriodNanos() {
    long longest = 0;
    for (ScalingPolicy p : policies) {
      longest = Math.max(longest, p.period().toNanos());
    }
    return longest;
  }
}
