package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a tenant's key encryption key (KEK), without its material. Immutable.
 *
 * @param tenant the tenant owning the key
 * @param version the version number, from 1, increasing by one per rotation
 * @param state the version's state
 * @param createdAt when the version was created (by the key manager's clock)
 */
public record KeyVersion(TenantId tenant, int version, KeyState state, Instant createdAt) {
  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if {@code version} is not positive
   */
  public KeyVersion {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, was " + version);
    }
  }

  /** Returns a copy in state {@code newState}. */
  public KeyVersion withState(KeyState newState) {
    return new KeyVersion(tenant, version, newState, createdAt);
  }
}
