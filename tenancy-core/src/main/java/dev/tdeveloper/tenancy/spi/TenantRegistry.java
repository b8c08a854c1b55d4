package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where tenants are recorded. The in-memory default keeps them in the process; backends keep them
 * in PostgreSQL or Redis so every instance of a service sees the same tenants.
 *
 * <p>Implementations must be thread-safe, and {@link #update} must be atomic per tenant: two
 * concurrent updates of one tenant never lose either change.
 */
public interface TenantRegistry {
  /** Returns the tenant with {@code id}, if recorded. */
  Optional<Tenant> find(TenantId id);

  /**
   * Records a new tenant.
   *
   * @return the tenant as recorded
   * @throws TenantAlreadyExistsException if a tenant with the same id is recorded; nothing changes
   */
  Tenant create(Tenant tenant);

  /**
   * Atomically replaces the tenant with {@code id} by {@code change} applied to it. If {@code
   * change} throws, nothing changes and the exception propagates.
   *
   * @return the tenant as recorded after the change
   * @throws TenantNotFoundException if no tenant with {@code id} is recorded
   * @throws IllegalArgumentException if {@code change} returns a tenant with another id
   */
  Tenant update(TenantId id, UnaryOperator<Tenant> change);

  /** Returns every recorded tenant, ordered by id. */
  List<Tenant> list();
}
