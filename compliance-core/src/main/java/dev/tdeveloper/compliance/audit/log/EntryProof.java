package dev.tdeveloper.compliance.audit.log;

import dev.tdeveloper.compliance.audit.AuditEntry;
import dev.tdeveloper.compliance.audit.integrity.InclusionProof;
import java.util.Objects;

/**
 * An entry with the proof that it is in the log: the inclusion proof of its leaf hash in the tree
 * of the signed checkpoint's size. Anyone holding the checkpoint's verifier key can check it with
 * {@link dev.tdeveloper.compliance.audit.integrity.ProofVerifier#verifyInclusion}. Immutable.
 *
 * @param entry the entry
 * @param proof its inclusion proof
 * @param signedCheckpoint the signed note of the checkpoint the proof leads to
 */
public record EntryProof(AuditEntry entry, InclusionProof proof, String signedCheckpoint) {
  /** Checks that no field is null and that the proof is for the entry. */
  public EntryProof {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(signedCheckpoint, "signedCheckpoint");
    if (proof.leafIndex() != entry.sequence()) {
      throw new IllegalArgumentException(
          "proof is for index " + proof.leafIndex() + ", entry is " + entry.sequence());
    }
  }
}
