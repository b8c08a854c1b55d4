package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.control.ScalingAlerts;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The {@code alerts:} section of {@code scaling.yaml}: when {@link ScalingAlerts} raise an alert.
 * Fields the file leaves out have the builder's defaults. Immutable and thread-safe.
 *
 * @param atMaxFor how long the decisions may want the maximum before the at-max alert
 * @param maxReversals changes of direction allowed within {@code flapWindow}; more is flapping
 * @param flapWindow the window reversals are counted in, above zero
 * @param missingDecisions decisions in a row without metrics before the metrics-missing alert
 */
public record AlertSettings(
    Duration atMaxFor, int maxReversals, Duration flapWindow, int missingDecisions) {

  /** Checks that no field is null. */
  public AlertSettings {
    Objects.requireNonNull(atMaxFor, "atMaxFor");
    Objects.requireNonNull(flapWindow, "flapWindow");
  }

  /**
   * The builder's defaults: 10 minutes at max, 2 reversals in 10 minutes, 3 missing decisions.
   *
   * @return the defaults
   */
  public static AlertSettings defaults() {
    return new AlertSettings(Duration.ofMinutes(10), 2, Duration.ofMinutes(10), 3);
  }

  /**
   * A {@link ScalingAlerts} builder with these settings; the caller may add the workload's maximum
   * replicas and metrics (see {@link ScalingConfig#alerts(String, InstantSource)}).
   *
   * @param clock the wall clock alerts are timed by
   * @return a new builder
   * @throws IllegalArgumentException if a setting breaks the builder's rules (never for settings
   *     loaded from a file, which were checked)
   */
  public ScalingAlerts.Builder builder(InstantSource clock) {
    return ScalingAlerts.builder(clock)
        .atMaxFor(atMaxFor)
        .flapping(maxReversals, flapWindow)
        .missingDecisions(missingDecisions);
  }
}
