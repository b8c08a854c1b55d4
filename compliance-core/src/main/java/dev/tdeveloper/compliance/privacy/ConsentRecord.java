package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the {@link ConsentLedger}: a subject (by pseudonym) granted or withdrew consent to a
 * purpose under a policy version, with the evidence of how. Each entry carries the hash of the one
 * before it and its own, so the ledger proves that nothing was changed, inserted or removed in
 * between. Immutable and thread-safe.
 *
 * @param index the position in the ledger, from 0
 * @param tenant the subject's tenant
 * @param subject the subject's pseudonym, never a raw identifier
 * @param purpose what the consent is for, such as {@code marketing-email}
 * @param policyVersion the version of the policy or notice the subject saw
 * @param state granted or withdrawn
 * @param at when
 * @param evidence how it was given, such as {@code "signup-form v3, ip psn_..."} (no raw personal
 *     data: pseudonymize IP addresses first)
 * @param previousHash the hash of the entry before, hex; 64 zeros for the first
 * @param hash SHA-256 over the previous hash and this entry's canonical form, hex
 */
public record ConsentRecord(
    long index,
    TenantId tenant,
    String subject,
    String purpose,
    String policyVersion,
    State state,
    Instant at,
    String evidence,
    String previousHash,
    String hash) {
  /** Whether consent was given or taken back. */
  public enum State {
    /** Consent given. */
    GRANTED,
    /** Consent withdrawn (GDPR Art. 7(3)). */
    WITHDRAWN
  }

  /** Checks that no field is null. */
  public ConsentRecord {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** Returns whether this entry grants consent. */
  public boolean granted() {
    return state == State.GRANTED;
  }
}
