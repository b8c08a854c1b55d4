package dev.tdeveloper.scaling.health;

/**
 * The status of a check or a group, declared from most to least severe as Spring Boot Actuator's
 * {@code SimpleStatusAggregator} orders them: a group takes the most severe status among its
 * checks. HTTP probes answer 503 for {@link #DOWN} and {@link #OUT_OF_SERVICE}, 200 otherwise.
 */
public enum HealthStatus {
  /** The component does not work. */
  DOWN,
  /** The component works but was taken out of service on purpose (draining, maintenance). */
  OUT_OF_SERVICE,
  /** The component works. */
  UP,
  /** The status cannot be told (never checked, or the check could not decide). */
  UNKNOWN;

  /**
   * The severity rank: 0 for {@link #DOWN} up to 3 for {@link #UNKNOWN}; lower is more severe.
   *
   * @return the rank
   */
  public int severity() {
    return ordinal();
  }

  /**
   * The more severe of this status and {@code other}.
   *
   * @param other another status
   * @return the status with the lower {@link #severity()}
   */
  public HealthStatus worst(HealthStatus other) {
    return other.ordinal() < ordinal() ? other : this;
  }

  /**
   * Whether a probe should fail on this status, as Actuator maps {@link #DOWN} and {@link
   * #OUT_OF_SERVICE} to HTTP 503.
   *
   * @return true for {@link #DOWN} and {@link #OUT_OF_SERVICE}
   */
  public boolean isFailing() {
    return this == DOWN || this == OUT_OF_SERVICE;
  }
}
