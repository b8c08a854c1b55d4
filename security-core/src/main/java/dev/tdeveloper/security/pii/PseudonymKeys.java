package dev.tdeveloper.security.pii;

import dev.tdeveloper.security.pii.internal.DerivedPseudonymKeys;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * The per-tenant keys of the masking strategies that need one: an HMAC-SHA256 key for {@link
 * MaskingStrategy#KEYED_HASH} pseudonyms and a 256-bit AES key for {@link MaskingStrategy#ENCRYPT}.
 * Keys of different tenants must differ, so one tenant's pseudonyms say nothing about another's.
 *
 * <p>This interface is deliberately minimal: it is meant to be implemented over the suite's key
 * manager once that lands (one data key per tenant and purpose), and until then by {@link
 * #derivedFrom(byte[])}. Implementations must be thread-safe, and their {@code toString} must not
 * show key material.
 */
public interface PseudonymKeys {
  /** What a key is used for. */
  enum Purpose {
    /** HMAC-SHA256 of {@link MaskingStrategy#KEYED_HASH}. */
    PSEUDONYM,
    /** AES-256-GCM of {@link MaskingStrategy#ENCRYPT}. */
    ENCRYPTION
  }

  /**
   * Returns the key of {@code tenant} for {@code purpose}: at least 32 bytes for {@code PSEUDONYM},
   * exactly 32 bytes (algorithm {@code AES}) for {@code ENCRYPTION}.
   *
   * @throws dev.tdeveloper.security.SecurityCoreException if the key cannot be obtained
   */
  SecretKey key(TenantId tenant, Purpose purpose);

  /**
   * Returns keys derived from one root secret with HMAC-SHA256 (HKDF-expand style, the tenant and
   * purpose as the info), so no per-tenant state is stored. The root secret is copied; keep it out
   * of source code and logs. Rotating it changes every pseudonym and makes earlier encryptions
   * unreadable.
   *
   * @throws IllegalArgumentException if the root secret is shorter than 32 bytes
   */
  static PseudonymKeys derivedFrom(byte[] rootSecret) {
    Objects.requireNonNull(rootSecret, "rootSecret");
    if (rootSecret.length < 32) {
      throw new IllegalArgumentException(
          "rootSecret must be at least 32 bytes, was " + rootSecret.length);
    }
    return new DerivedPseudonymKeys(rootSecret);
  }
}
