package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.compliance.audit.Pseudonymizer;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;

/**
 * A {@link Pseudonymizer} that remembers its mappings and can forget them: the audit log and the
 * consent ledger store only pseudonyms, and erasing a subject {@link #forget forgets} the mapping,
 * so the entries already written stay valid and verifiable but can no longer be linked to the
 * person. Implementations must be thread-safe.
 *
 * <p>A pseudonym is {@code "psn_"} followed by 26 lower-case base32 characters of 128 random bits
 * from {@link java.security.SecureRandom}: it reveals nothing about the value, and the same value
 * in two scopes (two tenants, or a tenant and the platform) gets two unrelated pseudonyms. After a
 * {@code forget}, pseudonymizing the same value again yields a new pseudonym, so new entries do not
 * link to old ones either.
 *
 * <p>Use {@link #inMemory()} for tests, and {@link FilePseudonymVault} to keep mappings across
 * restarts.
 */
public interface PseudonymVault extends Pseudonymizer {
  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the value is blank, longer than 4096 characters or holds
   *     control characters
   */
  @Override
  String pseudonymize(Optional<TenantId> tenant, String value);

  /**
   * Forgets the mapping of {@code value} in a scope, so its pseudonym no longer leads back to it:
   * {@link #lookup} is empty afterwards, {@link #reidentify} of the old pseudonym is empty, and a
   * durable vault no longer holds the value anywhere in its files once this returns.
   *
   * @param tenant the tenant the value belongs to, or empty for platform-level data
   * @param value the personal value
   * @return the forgotten pseudonym, or empty if the value had none
   */
  Optional<String> forget(Optional<TenantId> tenant, String value);

  /**
   * Returns the value behind {@code pseudonym} in a scope, for an authorized access request or an
   * investigation; callers should audit every use.
   *
   * @return the value, or empty if the pseudonym is unknown in that scope or was forgotten
   */
  Optional<String> reidentify(Optional<TenantId> tenant, String pseudonym);

  /** Returns how many mappings the vault holds, over all scopes. */
  int size();

  /** Returns a vault held in memory only: its mappings are gone when the process ends. */
  static PseudonymVault inMemory() {
    return new InMemoryPseudonymVault();
  }
}
