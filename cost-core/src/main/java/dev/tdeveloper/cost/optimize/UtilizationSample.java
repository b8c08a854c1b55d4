package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One observation of a tenant's workload: the CPU and memory it used and requested at an instant (a
 * metrics scrape, typically every minute to every hour). The request in a workload's latest sample
 * in the look-back is taken as its current size. Immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param workload the tenant's workload (deployment, job, database)
 * @param region where it runs, as in the price book ({@code "eu-west-1"})
 * @param time when it was observed
 * @param cpuCoresUsed cores in use, at least 0
 * @param cpuCoresRequested cores requested (reserved), at least 0
 * @param memoryBytesUsed bytes of memory in use, at least 0
 * @param memoryBytesRequested bytes of memory requested, at least 0
 */
public record UtilizationSample(
    TenantId tenant,
    String workload,
    String region,
    Instant time,
    BigDecimal cpuCoresUsed,
    BigDecimal cpuCoresRequested,
    long memoryBytesUsed,
    long memoryBytesRequested) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the field and value when a name is blank or a quantity
   *     negative
   */
  public UtilizationSample {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(cpuCoresUsed, "cpuCoresUsed");
    Objects.requireNonNull(cpuCoresRequested, "cpuCoresRequested");
    if (workload.isBlank()) {
      throw new IllegalArgumentException("workload: blank; allowed: a workload name");
    }
    if (region.isBlank()) {
      throw new IllegalArgumentException("region: blank; allowed: a region name");
    }
    nonNegative("cpuCoresUsed", cpuCoresUsed.signum(), cpuCoresUsed);
    nonNegative("cpuCoresRequested", cpuCoresRequested.signum(), cpuCoresRequested);
    nonNegative("memoryBytesUsed", Long.signum(memoryBytesUsed), memoryBytesUsed);
    nonNegative("memoryBytesRequested", Long.signum(memoryBytesRequested), memoryBytesRequested);
  }

  private static void nonNegative(String field, int signum, Object value) {
    if (signum < 0) {
      throw new IllegalArgumentException(field + ": " + value + " is negative; allowed: >= 0");
    }
  }
}
