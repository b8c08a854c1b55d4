package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;

/**
 * Whose cost: one tenant's, or an organisation's (the whole platform, a business unit). Budgets,
 * anomaly detection and reports work per scope.
 *
 * @param kind tenant or organisation
 * @param id the tenant id's value, or the organisation's name
 */
public record CostScope(Kind kind, String id) {
  /** Whether a scope is a tenant or an organisation. */
  public enum Kind {
    /** One tenant. */
    TENANT,
    /** An organisation: the platform, or a group of tenants. */
    ORGANISATION
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the id is blank
   */
  public CostScope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("scope id: blank; allowed: a tenant id or a name");
    }
  }

  /**
   * A tenant's scope.
   *
   * @param tenant the tenant
   * @return the scope
   */
  public static CostScope tenant(TenantId tenant) {
    return new CostScope(Kind.TENANT, tenant.value());
  }

  /**
   * An organisation's scope.
   *
   * @param name its name
   * @return the scope
   */
  public static CostScope organisation(String name) {
    return new CostScope(Kind.ORGANISATION, name);
  }

  @Override
  public String toString() {
    return (kind == Kind.TENANT ? "tenant " : "organisation ") + id;
  }
}
