package dev.tdeveloper.distribution.residency;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;

/**
 * A write, request or replica that would put a tenant's data in a region its residency policy does
 * not allow; refused before anything moves.
 */
public final class ResidencyViolationException extends DistributionException {
  private static final long serialVersionUID = 1L;

  private final TenantId tenant;
  private final DataPurpose purpose;
  private final RegionId region;
  private final String policy;

  /**
   * Creates the exception; the message names the tenant, purpose, region, policy and what the
   * policy allows.
   *
   * @param tenant the tenant whose data it is
   * @param purpose what the region would have done
   * @param region the refused region
   * @param policy the tenant's policy
   */
  public ResidencyViolationException(
      TenantId tenant, DataPurpose purpose, RegionId region, ResidencyPolicy policy) {
    super(
        "residency: tenant "
            + tenant.value()
            + " may not use region "
            + region
            + " for "
            + purpose.name().toLowerCase(java.util.Locale.ROOT)
            + " (policy "
            + policy.name()
            + " allows "
            + policy.placement(purpose)
            + ")");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.purpose = purpose;
    this.region = region;
    this.policy = policy.name();
  }

  /** Returns the tenant. */
  public TenantId tenant() {
    return tenant;
  }

  /** Returns what the region would have done with the data. */
  public DataPurpose purpose() {
    return purpose;
  }

  /** Returns the refused region. */
  public RegionId region() {
    return region;
  }

  /** Returns the name of the tenant's policy. */
  public String policy() {
    return policy;
  }
}
