package com.example.nimbus;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link TenantRegistry} on a Nimbus table: one item per tenant under {@code tenant/<id>}; {@link
 * #update} reads the item, applies the change and writes it back only if its version is unchanged,
 * retrying otherwise, so concurrent updates never lose a change. Thread-safe.
 */
public final class NimbusTenantRegistry implements TenantRegistry {
  private static final String PREFIX = "tenant/";

  private final NimbusTable<Tenant> table;

  /** Creates a registry on {@code table} (built by the caller, as with any cloud SDK client). */
  public NimbusTenantRegistry(NimbusTable<Tenant> table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    Objects.requireNonNull(id, "id");
    return table.get(PREFIX + id.value()).map(NimbusTable.Item::value);
  }

  @Override
  public Tenant create(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (!table.putIf(PREFIX + tenant.id().value(), tenant, NimbusTable.ABSENT, Long.MAX_VALUE)) {
      throw new TenantAlreadyExistsException(tenant.id());
    }
    return tenant;
  }

  @Override
  public Tenant update(TenantId id, UnaryOperator<Tenant> change) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    String key = PREFIX + id.value();
    while (true) {
      NimbusTable.Item<Tenant> item =
          table.get(key).orElseThrow(() -> new TenantNotFoundException(id));
      Tenant changed = Objects.requireNonNull(change.apply(item.value()), "change result");
      if (!changed.id().equals(id)) {
        throw new IllegalArgumentException(
            "change must keep the tenant id '" + id + "', returned '" + changed.id() + "'");
      }
      if (table.putIf(key, changed, item.version(), Long.MAX_VALUE)) {
        return changed;
      }
    }
  }

  @Override
  public List<Tenant> list() {
    return table.scan(PREFIX).stream()
        .map(NimbusTable.Item::value)
        .sorted(Comparator.comparing(Tenant::id))
        .toList();
  }
}
