package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A {@link TenantRegistry} that keeps tenants in a {@link ConcurrentHashMap}: the default on one
 * machine and in tests. Its contents are lost when the process ends.
 *
 * <p>The registry only stores: lifecycle rules are enforced by {@link Tenant#withStatus}, which a
 * change passed to {@link #update} calls. {@code update} runs the change inside {@link
 * ConcurrentHashMap#compute}, so it is atomic per tenant, never blocks updates of other tenants for
 * long, and must be short and must not call this registry (doing so may fail with {@link
 * IllegalStateException} or deadlock).
 *
 * <p>Thread-safe.
 */
public final class InMemoryTenantRegistry implements TenantRegistry {
  private final ConcurrentHashMap<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

  /** Creates an empty registry. */
  public InMemoryTenantRegistry() {}

  @Override
  public Optional<Tenant> find(TenantId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(tenants.get(id));
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
    // An exception thrown inside compute leaves the mapping as it was.
    return tenants.compute(
        id,
        (key, current) -> {
          if (current == null) {
            throw new TenantNotFoundException(id);
          }
          return TenantRegistry.applyChange(id, current, change);
        });
  }

  @Override
  public List<Tenant> list() {
    return tenants.values().stream().sorted(Comparator.comparing(Tenant::id)).toList();
  }
}
