package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The tenants a per-tenant control must hold for, read afresh at each collection, and how evidence
 * describes them. Implementations must be thread-safe.
 */
public interface TenantPopulation {
  /** Returns the tenants to check now. */
  Collection<TenantId> tenants();

  /** Returns what the population is, for the evidence, such as {@code every tenant not deleted}. */
  String description();

  /**
   * Returns a population read from {@code tenants}.
   *
   * @param description what the tenants are
   * @param tenants supplies the tenants at each collection
   */
  static TenantPopulation of(String description, Supplier<? extends Collection<TenantId>> tenants) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(tenants, "tenants");
    return new TenantPopulation() {
      @Override
      public Collection<TenantId> tenants() {
        return tenants.get();
      }

      @Override
      public String description() {
        return description;
      }
    };
  }

  /** Returns every tenant of {@code registry} that is not {@link TenantStatus#DELETED}. */
  static TenantPopulation registry(TenantRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return of(
        "every tenant in the tenant registry that is not deleted",
        () ->
            registry.list().stream()
                .filter(t -> t.status() != TenantStatus.DELETED)
                .map(Tenant::id)
                .toList());
  }
}
