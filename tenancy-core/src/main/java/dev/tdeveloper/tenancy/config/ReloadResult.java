package dev.tdeveloper.tenancy.config;

import com.google.common.collect.ImmutableSortedSet;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of {@link ReloadableTenantConfig#reload()}: the new configuration is in force,
 * nothing changed, or the file was refused and the previous configuration stays in force.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface ReloadResult
    permits ReloadResult.Reloaded, ReloadResult.Unchanged, ReloadResult.Rejected {

  /**
   * The file changed and its new content is now in force.
   *
   * @param config the configuration now returned by {@link ReloadableTenantConfig#current()}
   * @param changedTenants the tenants named in the old or new file whose definition or resolved
   *     settings changed (including tenants added to or removed from the file), sorted
   * @param unlistedTenantsChanged whether tenants not named in the file are affected: the default
   *     plan, or its resolved settings, changed
   */
  record Reloaded(TenantConfig config, Set<TenantId> changedTenants, boolean unlistedTenantsChanged)
      implements ReloadResult {
    /** Validates and copies the fields. */
    public Reloaded {
      Objects.requireNonNull(config, "config");
      changedTenants =
          ImmutableSortedSet.copyOf(Objects.requireNonNull(changedTenants, "changedTenants"));
    }
  }

  /**
   * No tenant's effective configuration changed: the file is byte for byte the same, or differs
   * only in comments, formatting or order.
   */
  record Unchanged() implements ReloadResult {}

  /**
   * The file could not be read or is invalid; the previous configuration stays in force.
   *
   * @param reason why, naming file, line, column and field path where they apply
   */
  record Rejected(ConfigException reason) implements ReloadResult {
    /** Validates the field. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
