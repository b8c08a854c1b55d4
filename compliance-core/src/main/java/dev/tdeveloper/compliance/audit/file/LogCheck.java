package dev.tdeveloper.compliance.audit.file;

import java.util.Optional;

/**
 * One more check {@link AuditVerifier} runs after its own ones passed, such as comparing the Merkle
 * root of the leaf hashes with signed checkpoints ({@link
 * VerificationReport.Kind#CHECKPOINT_MISMATCH}). Implementations must be thread-safe if the
 * verifier is shared.
 */
@FunctionalInterface
public interface LogCheck {
  /** Returns the first problem this check finds in {@code log}, or empty if it finds none. */
  Optional<VerificationReport.Problem> check(VerifiedLog log);
}
