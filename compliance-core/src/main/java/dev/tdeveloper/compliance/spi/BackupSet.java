package dev.tdeveloper.compliance.spi;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;

/**
 * A set of backups that must be restore-tested on its own: one tenant's backups under one policy
 * ({@code acme} / {@code nightly}). Immutable and thread-safe.
 *
 * @param tenant the tenant whose data the backups hold
 * @param name the backup policy or set name, 1 to 128 characters
 */
public record BackupSet(TenantId tenant, String name) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the name is blank, too long or holds control characters
   */
  public BackupSet {
    Objects.requireNonNull(tenant, "tenant");
    EvidenceFields.text("BackupSet", "name", name, 128);
  }

  /** Returns {@code tenant/name}, the key under which evidence names this set. */
  @Override
  public String toString() {
    return tenant + "/" + name;
  }
}
