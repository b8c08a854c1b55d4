package dev.tdeveloper.web.testing;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** A minimal thread-safe registry for the filter tests, backed by a {@link ConcurrentHashMap}. */
public final class MapTenantRegistry implements TenantRegistry {
  private final ConcurrentHashMap<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

  /** Returns a registry holding {@code initial}. */
  public static MapTenantRegistry of(Tenant... initial) {
    MapTenantRegistry registry = new MapTenantRegistry();
    for (Tenant tenant : initial) {
      registry.create(tenant);
    }
    return registry;
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    return Optional.ofNullable(tenants.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public Tenant create(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (tenants.putIfAbsent(tenant.id(), tenant) != null) {
      throw new TenantAlreadyExistsException(tenant.id());
    }
    return tenant;
  }

  @Override
  public Tenant update(TenantId id, UnaryOperator<Tenant> change) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    Tenant updated =
        tenants.computeIfPresent(
            id,
            (key, current) -> {
              Tenant next = Objects.requireNonNull(change.apply(current), "change result");
              if (!next.id().equals(key)) {
                throw new IllegalArgumentException("change must keep id '" + key + "'");
              }
              return next;
            });
    if (updated == null) {
      throw new TenantNotFoundException(id);
    }
    return updated;
  }

  @Override
  public List<Tenant> list() {
    List<Tenant> all = new ArrayList<>(tenants.values());
    all.sort(Comparator.comparing(Tenant::id));
    return all;
  }
}
