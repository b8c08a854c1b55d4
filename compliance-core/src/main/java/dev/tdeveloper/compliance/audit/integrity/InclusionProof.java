package dev.tdeveloper.compliance.audit.integrity;

import java.util.List;

/**
 * An RFC 9162 inclusion proof: the audit path that proves the leaf at {@link #leafIndex()} is in
 * the tree of {@link #treeSize()} leaves. Verify it with {@link ProofVerifier#verifyInclusion}.
 * Immutable and thread-safe; the hashes are copied in and out.
 */
public final class InclusionProof extends MerkleProof {
  /**
   * Creates a proof. Values that cannot be a valid proof (an index not below the size, too many
   * hashes for the size) are accepted here and fail verification.
   *
   * @param leafIndex the leaf's index, {@code >= 0}
   * @param treeSize the tree's size, {@code >= 0}
   * @param hashes the audit path, bottom-up, each 32 bytes (copied), at most 64
   * @throws IllegalArgumentException if a number is negative or a hash is not 32 bytes
   */
  public InclusionProof(long leafIndex, long treeSize, List<byte[]> hashes) {
    super("leafIndex", leafIndex, "treeSize", treeSize, hashes);
  }

  /**
   * Creates a proof from base64 (standard alphabet) hashes, as {@link #hashesBase64()} exports
   * them.
   *
   * @throws IllegalArgumentException if a number is negative or a hash is not base64 of 32 bytes
   */
  public static InclusionProof fromBase64(long leafIndex, long treeSize, List<String> hashes) {
    return new InclusionProof(leafIndex, treeSize, ProofHashes.decode(hashes));
  }

  /** Returns the leaf's index. */
  public long leafIndex() {
    return first();
  }

  /** Returns the size of the tree the proof is for. */
  public long treeSize() {
    return second();
  }

  @Override
  String numbers() {
    return "leaf " + leafIndex() + " of " + treeSize();
  }
}
