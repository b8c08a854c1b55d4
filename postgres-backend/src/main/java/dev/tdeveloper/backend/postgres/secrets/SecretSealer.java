package dev.tdeveloper.backend.postgres.secrets;

import dev.tdeveloper.security.crypto.CryptoException;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;

/**
 * Seals secret values with the suite's envelope encryption: each value is encrypted under a data
 * key wrapped by the owning tenant's key encryption key (the platform key tenant's for platform
 * secrets), and bound to the secret's qualified name and version id, so a sealed value copied to
 * another row, secret or tenant does not open. Thread-safe.
 */
final class SecretSealer {
  private static final String CONTEXT = "tdeveloper.secret-store.v1";

  private final KeyManager keys;
  private final EnvelopeEncryptor encryptor;
  private final TenantId platformKeyTenant;

  SecretSealer(KeyManager keys, TenantId platformKeyTenant) {
    this.keys = keys;
    this.encryptor = EnvelopeEncryptor.builder(keys).build();
    this.platformKeyTenant = platformKeyTenant;
  }

  /**
   * Returns {@code plain} sealed for version {@code versionId} of {@code name}; creates the key
   * owner's first key version if it has none at all (never when its keys are disabled or destroyed:
   * a crypto-shredded tenant stays unwritable).
   */
  byte[] seal(SecretName name, String versionId, byte[] plain) {
    TenantId owner = owner(name);
    try {
      if (keys.primary(owner).isEmpty() && keys.versions(owner).isEmpty()) {
        keys.rotate(owner);
      }
      return encryptor.encrypt(owner, plain, context(name, versionId));
    } catch (CryptoException e) {
      throw new SecretStoreException(
          "cannot encrypt version '" + versionId + "' of secret " + name + ": " + e.getMessage(),
          e);
    }
  }

  /** Returns the value of a sealed version; the caller wipes it. */
  byte[] open(SecretName name, String versionId, byte[] sealed) {
    try {
      return encryptor.decrypt(owner(name), sealed, context(name, versionId));
    } catch (CryptoException e) {
      throw new SecretStoreException(
          "cannot decrypt version '"
              + versionId
              + "' of secret "
              + name
              + " (a disabled or destroyed key, or a tampered row): "
              + e.getMessage(),
          e);
    }
  }

  private TenantId owner(SecretName name) {
    return name.tenant().orElse(platformKeyTenant);
  }

  private static byte[] context(SecretName name, String versionId) {
    return (CONTEXT + '\0' + name.qualified() + '\0' + versionId).getBytes(StandardCharsets.UTF_8);
  }
}
