package dev.tdeveloper.tenancy.event;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's consumption crossed a share of its quota ({@value #WARNING_PERCENT}% or {@value
 * #FULL_PERCENT}%) in the current window; published at most once per threshold and window by each
 * enforcer. Immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param resource the resource
 * @param percent the threshold crossed: {@value #WARNING_PERCENT} or {@value #FULL_PERCENT}
 * @param used what the tenant has consumed in the window, after the crossing consumption
 * @param limit the policy's limit
 * @param resetAt when the window ends
 * @param at when the threshold was crossed
 */
public record QuotaThresholdEvent(
    TenantId tenant,
    String resource,
    int percent,
    long used,
    long limit,
    Instant resetAt,
    Instant at)
    implements QuotaEvent {
  /** The early-warning threshold, in percent of the limit: {@value}. */
  public static final int WARNING_PERCENT = 80;

  /** The threshold at which the quota is fully used, in percent of the limit: {@value}. */
  public static final int FULL_PERCENT = 100;

  /** Checks that no field is null. */
  public QuotaThresholdEvent {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(resetAt, "resetAt");
    Objects.requireNonNull(at, "at");
  }
}
