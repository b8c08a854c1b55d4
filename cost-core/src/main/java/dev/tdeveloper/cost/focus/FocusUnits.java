package dev.tdeveloper.cost.focus;

import dev.tdeveloper.cost.price.ResourceType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a FOCUS {@code PricingUnit} to a {@link ResourceType}. Units are compared case-insensitively
 * with spaces and underscores read as hyphens; the table (documented on {@link
 * FocusCsvBillingImporter}) holds our own units and their common spellings. A plain {@code Hours}
 * is not mapped: instance-hours are not vCPU-hours, and reading one as the other would misstate an
 * asset's capacity by its vCPU count.
 */
final class FocusUnits {
  private FocusUnits() {}

  /** Allowed units, for error messages. */
  static final String ALLOWED =
      "vCPU-hour(s)/vCPU-hr(s), GB-hour(s)/GB-hr(s), GB-month(s)/GB-mo, GB, request(s),"
          + " GPU-hour(s)/GPU-hr(s)";

  private static final Map<String, ResourceType> TABLE =
      Map.ofEntries(
          Map.entry("vcpu-hour", ResourceType.VCPU),
          Map.entry("vcpu-hours", ResourceType.VCPU),
          Map.entry("vcpu-hr", ResourceType.VCPU),
          Map.entry("vcpu-hrs", ResourceType.VCPU),
          Map.entry("gb-hour", ResourceType.RAM),
          Map.entry("gb-hours", ResourceType.RAM),
          Map.entry("gb-hr", ResourceType.RAM),
          Map.entry("gb-hrs", ResourceType.RAM),
          Map.entry("gb-month", ResourceType.STORAGE),
          Map.entry("gb-months", ResourceType.STORAGE),
          Map.entry("gb-mo", ResourceType.STORAGE),
          Map.entry("gb", ResourceType.EGRESS),
          Map.entry("request", ResourceType.REQUESTS),
          Map.entry("requests", ResourceType.REQUESTS),
          Map.entry("gpu-hour", ResourceType.GPU),
          Map.entry("gpu-hours", ResourceType.GPU),
          Map.entry("gpu-hr", ResourceType.GPU),
          Map.entry("gpu-hrs", ResourceType.GPU));

  /** The resource of a pricing unit, or empty when the table has no entry. */
  static Optional<ResourceType> resource(String pricingUnit) {
    String k = pricingUnit.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    return Optional.ofNullable(TABLE.get(k));
  }
}
