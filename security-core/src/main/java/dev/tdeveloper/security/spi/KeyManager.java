package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds each tenant's versioned key encryption keys (KEKs) and wraps and unwraps data encryption
 * keys (DEKs) under them: the middle of the hierarchy master key (or KMS root) → per-tenant KEK
 * versions → DEKs. KEK material never leaves the key manager; callers only see {@link KeyVersion}
 * metadata and wrapped bytes. The local default is {@code
 * dev.tdeveloper.security.crypto.local.LocalKeyManager}; a KMS backend maps a tenant's versions to
 * KMS keys (or key versions) and {@code associatedData} to its encryption context.
 *
 * <p>Rules every implementation follows (checked by {@code KeyManagerContract} in
 * security-testkit):
 *
 * <ul>
 *   <li>Versions number from 1 and grow by one per {@link #rotate}; the <em>primary</em> version is
 *       the newest one, and only while it is {@link KeyState#ENABLED}.
 *   <li>{@link #wrap} and {@link #unwrap} need an enabled version. Wrapped bytes are bound to the
 *       tenant, the version and the associated data: any other combination fails to unwrap.
 *   <li>{@link KeyState#DISABLED} is reversible; {@link KeyState#DESTROYED} is not, and after it
 *       nothing wrapped under that version can be unwrapped, even after a restart.
 *   <li>Nothing one tenant does changes another tenant's keys.
 *   <li>Bad arguments throw {@link IllegalArgumentException} or {@link NullPointerException} and
 *       change nothing; an unusable key throws {@link KeyUnavailableException}; a store failure
 *       {@link KeyManagerException}.
 * </ul>
 *
 * <p>{@link #primary} and {@link #version} are called on every encryption and decryption: answer
 * them from memory (a backend may cache remote state briefly). Implementations are thread-safe.
 */
public interface KeyManager extends AutoCloseable {
  /**
   * Adds a new enabled version for {@code tenant} (version 1 if it has none), which becomes the
   * primary one. Older versions keep their state.
   *
   * @return the new version
   * @throws KeyManagerException if the store cannot record it (nothing changes)
   */
  KeyVersion rotate(TenantId tenant);

  /** Returns the tenant's newest version if it is enabled, else empty. */
  Optional<KeyVersion> primary(TenantId tenant);

  /** Returns one version of the tenant's key, if it exists (in any state). */
  Optional<KeyVersion> version(TenantId tenant, int version);

  /** Returns all versions of the tenant's key in ascending order, destroyed ones included. */
  List<KeyVersion> versions(TenantId tenant);

  /** Returns every tenant that has at least one version, in ascending order. */
  List<TenantId> tenants();

  /**
   * Wraps (encrypts and authenticates) a data key under one version of the tenant's KEK.
   *
   * @param dek the data key, 16 to 64 bytes; not retained
   * @param associatedData bound to the result; the same bytes are needed to unwrap (may be empty)
   * @return the wrapped key, at most {@value #MAX_WRAPPED_LENGTH} bytes
   * @throws KeyUnavailableException if the version does not exist or is not enabled
   * @throws IllegalArgumentException if {@code dek} has a bad length
   */
  byte[] wrap(TenantId tenant, int version, byte[] dek, byte[] associatedData);

  /**
   * Unwraps a data key wrapped by {@link #wrap} with the same tenant, version and associated data.
   *
   * @throws KeyUnavailableException if the version does not exist or is not enabled
   * @throws KeyUnwrapException if the wrapped bytes fail authentication
   */
  byte[] unwrap(TenantId tenant, int version, byte[] wrapped, byte[] associatedData);

  /**
   * Disables an enabled version: it no longer wraps or unwraps until {@link #enable}d. Disabling a
   * disabled version does nothing.
   *
   * @return the version in its new state
   * @throws KeyUnavailableException if the version does not exist or is destroyed
   */
  KeyVersion disable(TenantId tenant, int version);

  /**
   * Enables a disabled version again. Enabling an enabled version does nothing.
   *
   * @return the version in its new state
   * @throws KeyUnavailableException if the version does not exist or is destroyed
   */
  KeyVersion enable(TenantId tenant, int version);

  /**
   * Destroys a version's material for good (crypto-shredding when it is the tenant's last). The
   * version stays listed, {@link KeyState#DESTROYED}. Destroying a destroyed version does nothing.
   *
   * @return the version in its new state
   * @throws KeyUnavailableException if the version does not exist
   */
  KeyVersion destroy(TenantId tenant, int version);

  /** Releases the key manager's resources and forgets key material held in memory; idempotent. */
  @Override
  void close();

  /** The largest wrapped key any implementation may return, in bytes: {@value}. */
  int MAX_WRAPPED_LENGTH = 1024;

  /**
   * Returns a key manager from the {@link KeyManagerProvider} found on the class path, chosen by
   * the suite's rule: none found is an error naming the artifact to add, one is used, several need
   * {@code name}. security-core itself provides {@code local}.
   *
   * @throws IllegalStateException if no provider, several without a name, or none of that name
   * @throws IllegalArgumentException if the provider rejects a setting
   */
  static KeyManager fromProviders(Optional<String> name, Map<String, String> config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    return ProviderSelector.select(KeyManagerProvider.class, name, "dev.tdeveloper:aws-backend")
        .create(Map.copyOf(config));
  }
}
