package dev.tdeveloper.security.crypto;

import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link KeyLifecycle} publishes to the listeners registered on its builder, for the audit
 * log. Events carry versions and times, never key material. Immutable.
 */
public sealed interface KeyEvent {
  /** Returns the tenant whose key changed. */
  TenantId tenant();

  /** Returns when it changed, by the lifecycle's clock. */
  Instant at();

  /**
   * A new key version was added and became primary.
   *
   * @param tenant the tenant
   * @param version the new version
   * @param scheduled whether {@link KeyLifecycle#rotateDue()} added it (else an explicit call)
   * @param at when
   */
  record Rotated(TenantId tenant, KeyVersion version, boolean scheduled, Instant at)
      implements KeyEvent {
    /** Validates the fields. */
    public Rotated {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A key version was disabled, enabled or destroyed.
   *
   * @param tenant the tenant
   * @param version the version in its new state
   * @param previous its state before
   * @param at when
   */
  record StateChanged(TenantId tenant, KeyVersion version, KeyState previous, Instant at)
      implements KeyEvent {
    /** Validates the fields. */
    public StateChanged {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Every key version of the tenant is now destroyed: all its ciphertext is permanently
   * undecryptable (crypto-shredding).
   *
   * @param tenant the tenant
   * @param destroyedVersions every version number, ascending
   * @param at when
   */
  record TenantShredded(TenantId tenant, List<Integer> destroyedVersions, Instant at)
      implements KeyEvent {
    /** Validates and copies the fields. */
    public TenantShredded {
      Objects.requireNonNull(tenant, "tenant");
      destroyedVersions = List.copyOf(destroyedVersions);
      Objects.requireNonNull(at, "at");
    }
  }
}
