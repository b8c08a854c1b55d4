package dev.tdeveloper.cost.price;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What is priced and metered, each with its unit. */
public enum ResourceType {
  /** Virtual CPU time, in vCPU-hours; charged as max(request, usage). */
  VCPU("vcpu", "vCPU-hour"),
  /** Memory held, in GB-hours; charged as max(request, usage). */
  RAM("ram", "GB-hour"),
  /** Storage held, in GB-months. */
  STORAGE("storage", "GB-month"),
  /** Network egress, in GB, priced by destination. */
  EGRESS("egress", "GB"),
  /** Requests served, in requests. */
  REQUESTS("requests", "request"),
  /** GPU time, in GPU-hours. */
  GPU("gpu", "GPU-hour");

  private final String key;
  private final String unit;

  ResourceType(String key, String unit) {
    this.key = key;
    this.unit = unit;
  }

  /**
   * The name in price books, usage records and FOCUS exports.
   *
   * @return {@code "vcpu"}, {@code "ram"}, {@code "storage"}, {@code "egress"}, {@code "requests"}
   *     or {@code "gpu"}
   */
  public String key() {
    return key;
  }

  /**
   * The pricing unit (FOCUS {@code PricingUnit}).
   *
   * @return {@code "vCPU-hour"}, {@code "GB-hour"}, ...
   */
  public String unit() {
    return unit;
  }

  /**
   * Whether usage below the request is charged at the request (OpenCost's max(request, usage)).
   *
   * @return true for {@link #VCPU} and {@link #RAM}
   */
  public boolean chargedAtLeastRequest() {
    return this == VCPU || this == RAM;
  }

  /**
   * The resource with this key (case-insensitive).
   *
   * @param key a resource name
   * @return the resource
   * @throws IllegalArgumentException naming the key and the allowed ones
   */
  public static ResourceType parse(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (ResourceType r : values()) {
      if (r.key.equals(k)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "resource: unknown resource '"
            + key
            + "'; allowed: "
            + Arrays.stream(values()).map(ResourceType::key).collect(Collectors.joining(", ")));
  }
}
