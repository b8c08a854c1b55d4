package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.compliance.audit.Pseudonymizer;
import dev.tdeveloper.tenancy.TenantId;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The append-only record of consents (GDPR Art. 7(1): the controller must be able to demonstrate
 * consent). Each entry is hash-chained to the one before ({@link ConsentRecord#hash()}), so {@link
 * #verify()} proves that nothing was altered, inserted or removed, and names the first bad entry if
 * something was; keep {@link #head()} somewhere else (the audit log) to also detect a cut tail.
 * Subjects are stored by pseudonym only (through the given {@link Pseudonymizer}): once the vault
 * forgets a subject, the ledger can no longer be linked to them and stays verifiable.
 *
 * <p>Subjects, purposes and versions are per tenant: one tenant's entries never answer another's
 * queries. Implementations are thread-safe. Use {@link #inMemory} for tests and {@link
 * FileConsentLedger} for a durable ledger.
 */
public interface ConsentLedger {
  /**
   * Records that {@code subject} granted consent to {@code purpose} under {@code policyVersion}.
   *
   * @param subject the subject's raw identifier; only its pseudonym is stored
   * @param evidence how consent was given (1 to 2000 characters, no raw personal data)
   * @return the new entry
   * @throws IllegalArgumentException if a text is invalid; nothing is recorded
   */
  ConsentRecord grant(
      TenantId tenant, String subject, String purpose, String policyVersion, String evidence);

  /**
   * Records that {@code subject} withdrew consent to {@code purpose}.
   *
   * @return the new entry
   * @throws IllegalArgumentException if a text is invalid; nothing is recorded
   */
  ConsentRecord withdraw(
      TenantId tenant, String subject, String purpose, String policyVersion, String evidence);

  /** Returns the latest entry of {@code subject} for {@code purpose}, if any. */
  Optional<ConsentRecord> current(TenantId tenant, String subject, String purpose);

  /** Returns every entry of {@code subject}, oldest first. */
  List<ConsentRecord> history(TenantId tenant, String subject);

  /** Checks every entry's position, link and hash; see {@link ConsentVerification}. */
  ConsentVerification verify();

  /** Returns the hash of the last entry (64 zeros while empty), to anchor elsewhere. */
  String head();

  /** Returns how many entries the ledger holds. */
  long size();

  /**
   * Returns a ledger in memory, pseudonymizing with {@code pseudonymizer}, timed by {@code clock}.
   */
  static ConsentLedger inMemory(Pseudonymizer pseudonymizer, InstantSource clock) {
    return new ConsentChain(pseudonymizer, clock, record -> {});
  }
}
