package dev.tdeveloper.dr.spi;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose data a backup, chunk or change belongs to: one tenant, or the platform. Chunks are
 * deduplicated within a scope only, so one tenant's backups can never reveal, reference or delete
 * another's data. Immutable and thread-safe.
 *
 * @param tenant the tenant, or empty for platform data
 */
public record BackupScope(Optional<TenantId> tenant) {
  private static final BackupScope PLATFORM = new BackupScope(Optional.empty());

  /** Checks that the field is not null. */
  public BackupScope {
    Objects.requireNonNull(tenant, "tenant");
  }

  /** Returns the scope of a tenant's data. */
  public static BackupScope of(TenantId tenant) {
    return new BackupScope(Optional.of(Objects.requireNonNull(tenant, "tenant")));
  }

  /** Returns the scope of platform data. */
  public static BackupScope platform() {
    return PLATFORM;
  }

  /**
   * Returns a name safe as one path segment or key prefix: {@code tenant-<id>} or {@code platform}.
   */
  public String key() {
    return tenant.map(t -> "tenant-" + t.value()).orElse("platform");
  }

  @Override
  public String toString() {
    return key();
  }
}
