package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown when a tenant's key encryption key cannot be used: the tenant has none, the version does
 * not exist, or it is disabled or destroyed. Carries the tenant, the version (when one was named)
 * and its state (when it exists).
 */
public class KeyUnavailableException extends KeyManagerException {
  private static final long serialVersionUID = 1L;

  private final transient TenantId tenant;
  private final int version;
  private final transient KeyState state;

  /**
   * Creates an exception.
   *
   * @param tenant the tenant
   * @param version the version named, or 0 for none
   * @param state the version's state, or null when it does not exist
   * @param message what happened
   */
  public KeyUnavailableException(TenantId tenant, int version, KeyState state, String message) {
    super(message);
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.version = version;
    this.state = state;
  }

  /** Returns the tenant whose key was unavailable. */
  public TenantId tenant() {
    return tenant;
  }

  /** Returns the key version asked for, if one was named. */
  public OptionalInt version() {
    return version > 0 ? OptionalInt.of(version) : OptionalInt.empty();
  }

  /** Returns the state of the version, if it exists. */
  public Optional<KeyState> state() {
    return Optional.ofNullable(state);
  }
}
