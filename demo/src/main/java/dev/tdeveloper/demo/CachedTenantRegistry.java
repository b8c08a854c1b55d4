package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A shared {@link TenantRegistry} (PostgreSQL) read through a per-instance cache whose
 * invalidations reach every instance (Redis pub/sub): the tenant filter asks for the requesting
 * tenant on every request, and a suspension or an offboarding made through one instance must stop
 * the tenant on all of them. Only tenants that exist are cached, so requests naming made-up tenants
 * cannot fill the cache. Thread-safe.
 */
final class CachedTenantRegistry implements TenantRegistry {
  private static final String KEY = "tenant";

  private final TenantRegistry registry;
  private final TenantScopedCache<String, Tenant> cache;

  /** Reads {@code registry} through {@code cache}, which must share its invalidations. */
  CachedTenantRegistry(TenantRegistry registry, TenantScopedCache<String, Tenant> cache) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    Optional<Tenant> cached = cache.getIfPresent(id, KEY);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<Tenant> found = registry.find(id);
    found.ifPresent(tenant -> cache.put(id, KEY, tenant));
    return found;
  }

  @Override
  public Tenant create(Tenant tenant) {
    Tenant created = registry.create(tenant);
    cache.invalidateTenant(tenant.id());
    return created;
  }

  /** Updates the shared registry, then drops the tenant's cached record on every instance. */
  @Override
  public Tenant update(TenantId id, UnaryOperator<Tenant> change) {
    Tenant updated = registry.update(id, change);
    cache.invalidateTenant(id); // the tenant's slot holds only its record
    return updated;
  }

  @Override
  public List<Tenant> list() {
    return registry.list();
  }
}
