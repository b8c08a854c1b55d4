package dev.tdeveloper.scaling.cost;

import java.util.Objects;

/**
 * One kind of replica the workload can run on: an instance type or node pool at a price, on-demand
 * or spot.
 *
 * @param name a unique name, {@code "m5-spot"} for example
 * @param pricing on-demand (never reclaimed) or spot (reclaimable)
 * @param pricePerReplicaHour what one replica costs per hour, finite and at least 0
 * @param capacityPerReplica the load one replica serves (requests per second), finite and above 0
 * @param interruptionRatePerHour for spot, the expected fraction of replicas reclaimed per hour, in
 *     {@code [0, 1]}; the planner discounts spot capacity by it. Always 0 for on-demand
 */
public record CapacityOption(
    String name,
    Pricing pricing,
    double pricePerReplicaHour,
    double capacityPerReplica,
    double interruptionRatePerHour) {
  /** How an option is bought. */
  public enum Pricing {
    /** Paid by the hour, never reclaimed. */
    ON_DEMAND,
    /** Cheaper spare capacity the provider may reclaim at short notice. */
    SPOT
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming a blank name, a negative price, a non-positive
   *     capacity, an interruption rate outside {@code [0, 1]} or a non-zero one for on-demand
   */
  public CapacityOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pricing, "pricing");
    if (name.isBlank()) {
      throw new IllegalArgumentException("option name: blank; allowed: a non-blank name");
    }
    if (!Double.isFinite(pricePerReplicaHour) || pricePerReplicaHour < 0) {
      throw new IllegalArgumentException(
          "option "
              + name
              + ": pricePerReplicaHour "
              + pricePerReplicaHour
              + " is negative or not finite; allowed: a finite value >= 0");
    }
    if (!Double.isFinite(capacityPerReplica) || capacityPerReplica <= 0) {
      throw new IllegalArgumentException(
          "option "
              + name
              + ": capacityPerReplica "
              + capacityPerReplica
              + "; allowed: a finite value > 0");
    }
    if (!(interruptionRatePerHour >= 0 && interruptionRatePerHour <= 1)) {
      throw new IllegalArgumentException(
          "option "
              + name
              + ": interruptionRatePerHour "
              + interruptionRatePerHour
              + " is outside [0, 1]; allowed: a fraction of replicas per hour in [0, 1]");
    }
    if (pricing == Pricing.ON_DEMAND && interruptionRatePerHour != 0) {
      throw new IllegalArgumentException(
          "option "
              + name
              + ": interruptionRatePerHour "
              + interruptionRatePerHour
              + " on an on-demand option; allowed: 0 (only spot is reclaimed)");
    }
  }

  /**
   * An on-demand option.
   *
   * @param name its name
   * @param pricePerReplicaHour price per replica-hour
   * @param capacityPerReplica load one replica serves
   * @return the option
   */
  public static CapacityOption onDemand(
      String name, double pricePerReplicaHour, double capacityPerReplica) {
    return new CapacityOption(name, Pricing.ON_DEMAND, pricePerReplicaHour, capacityPerReplica, 0);
  }

  /**
   * A spot option.
   *
   * @param name its name
   * @param pricePerReplicaHour price per replica-hour
   * @param capacityPerReplica load one replica serves
   * @param interruptionRatePerHour expected fraction reclaimed per hour
   * @return the option
   */
  public static CapacityOption spot(
      String name,
      double pricePerReplicaHour,
      double capacityPerReplica,
      double interruptionRatePerHour) {
    return new CapacityOption(
        name, Pricing.SPOT, pricePerReplicaHour, capacityPerReplica, interruptionRatePerHour);
  }

  /**
   * The load one replica is planned to serve: its capacity less the expected interruption loss.
   *
   * @return {@code capacityPerReplica x (1 - interruptionRatePerHour)}
   */
  public double effectiveCapacityPerReplica() {
    return capacityPerReplica * (1 - interruptionRatePerHour);
  }
}
