package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  /** The artifact named when no provider is found: {@value}. */
  String ARTIFACT_HINT = "dev.tdeveloper:tenancy-core (in-memory) or a registry backend module";

  /** Returns a new, empty in-memory registry: thread-safe, lost when the process ends. */
  static TenantRegistry inMemory() {
    return new InMemoryTenantRegistry();
  }

  /**
   * Returns a registry from the {@link TenantRegistryProvider} found on the class path, with no
   * configuration; shorthand for {@code fromProviders(name, Map.of())}.
   *
   * @param name the provider to use (for example {@code in-memory}); needed when several are found
   * @throws IllegalStateException if no provider, several without a name, or none of that name is
   *     found
   */
  static TenantRegistry fromProviders(Optional<String> name) {
    return fromProviders(name, Map.of());
  }

  /**
   * Returns a registry from the {@link TenantRegistryProvider} found on the class path, chosen by
   * the suite's rule: none found is an error naming the artifact to add, one is used, several need
   * {@code name}.
   *
   * @param name the provider to use (for example {@code in-memory}); needed when several are found
   * @param config the provider's settings
   * @throws IllegalStateException if no provider, several without a name, or none of that name is
   *     found
   * @throws IllegalArgumentException if the provider rejects a setting
   */
  static TenantRegistry fromProviders(Optional<String> name, Map<String, String> config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    return ProviderSelector.select(TenantRegistryProvider.class, name, ARTIFACT_HINT)
        .create(Map.copyOf(config));
  }

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

  /**
   * Applies {@code change} to {@code current}, the recorded tenant with {@code id}, and checks the
   * result as {@link #update} promises: for implementations, so every registry refuses a bad change
   * with the same error.
   *
   * @return the changed tenant
   * @throws NullPointerException if {@code change} returns null
   * @throws IllegalArgumentException if {@code change} returns a tenant with another id
   */
  static Tenant applyChange(TenantId id, Tenant current, UnaryOperator<Tenant> change) {
    Tenant next = Objects.requireNonNull(change.apply(current), "change result");
    if (!next.id().equals(id)) {
      throw new IllegalArgumentException(
          "change of tenant '"
              + id
              + "' returned a tenant with id '"
              + next.id()
              + "'; a change must keep the id");
    }
    return next;
  }
}
