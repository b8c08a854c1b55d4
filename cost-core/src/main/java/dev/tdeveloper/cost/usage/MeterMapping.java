package dev.tdeveloper.cost.usage;

import dev.tdeveloper.cost.price.ResourceType;
import java.util.Objects;

/**
 * How one tenancy-core usage meter becomes {@link UsageRecord}s: which resource of which asset it
 * measures, for which workload, whether it measures use or the request, and the {@link ScaleFactor}
 * from the meter's unit to the resource's ({@code cpu_millis} to vCPU-hours: {@code 1/3600000}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param meter the meter name in the {@link dev.tdeveloper.tenancy.usage.UsageMeter}
 * @param resource the resource it measures
 * @param assetId the asset (node, volume, cluster) the usage is allocated against, as in the bill
 * @param workload the workload name records carry
 * @param factor from the meter's unit to {@link ResourceType#unit()}
 * @param measure whether the meter gives the amount used or the amount requested
 */
public record MeterMapping(
    String meter,
    ResourceType resource,
    String assetId,
    String workload,
    ScaleFactor factor,
    Measure measure) {

  /** What a meter's value is: use, or reservation. */
  public enum Measure {
    /** The amount actually used ({@link UsageRecord#used()}). */
    USED,
    /** The amount reserved ({@link UsageRecord#requested()}); charged for CPU and RAM. */
    REQUESTED
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the field when a name is blank
   */
  public MeterMapping {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(measure, "measure");
    if (meter.isBlank()) {
      throw new IllegalArgumentException("meter: blank; allowed: a meter name");
    }
    if (assetId.isBlank()) {
      throw new IllegalArgumentException(
          "assetId: blank for meter '" + meter + "'; allowed: the asset's id in the bill");
    }
    if (workload.isBlank()) {
      throw new IllegalArgumentException(
          "workload: blank for meter '" + meter + "'; allowed: a workload name");
    }
  }

  /**
   * A meter of use.
   *
   * @param meter the meter name
   * @param resource the resource it measures
   * @param assetId the asset
   * @param workload the workload
   * @param factor from the meter's unit to the resource's
   * @return the mapping, {@link Measure#USED}
   */
  public static MeterMapping used(
      String meter, ResourceType resource, String assetId, String workload, ScaleFactor factor) {
    return new MeterMapping(meter, resource, assetId, workload, factor, Measure.USED);
  }

  /**
   * A meter of requests (reservations).
   *
   * @param meter the meter name
   * @param resource the resource it measures
   * @param assetId the asset
   * @param workload the workload
   * @param factor from the meter's unit to the resource's
   * @return the mapping, {@link Measure#REQUESTED}
   */
  public static MeterMapping requested(
      String meter, ResourceType resource, String assetId, String workload, ScaleFactor factor) {
    return new MeterMapping(meter, resource, assetId, workload, factor, Measure.REQUESTED);
  }
}
