package dev.tdeveloper.compliance.audit.integrity;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 inclusion proof: the audit path that proves the leaf at {@link #leafIndex()} is in
 * the tree of {@link #treeSize()} leaves. Verify it with {@link ProofVerifier#verifyInclusion}.
 * Immutable and thread-safe; the hashes are copied in and out.
 */
public final class InclusionProof {
  private final long leafIndex;
  private final long treeSize;
  private final ProofHashes hashes;

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
    ProofHashes.checkNotNegative("leafIndex", leafIndex);
    ProofHashes.checkNotNegative("treeSize", treeSize);
    this.leafIndex = leafIndex;
    this.treeSize = treeSize;
    this.hashes = ProofHashes.copyOf(hashes);
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
    return leafIndex;
  }

  /** Returns the size of the tree the proof is for. */
  public long treeSize() {
    return treeSize;
  }

  /** Returns copies of the audit path's hashes, bottom-up. */
  public List<byte[]> hashes() {
    return hashes.copies();
  }

  /** Returns the audit path's hashes in base64 (standard alphabet), for JSON export. */
  public List<String> hashesBase64() {
    return hashes.base64();
  }

  byte[][] raw() {
    return hashes.raw();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InclusionProof p
        && p.leafIndex == leafIndex
        && p.treeSize == treeSize
        && p.hashes.equals(hashes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(leafIndex, treeSize, hashes);
  }

  @Override
  public String toString() {
    return "InclusionProof[leaf " + leafIndex + " of " + treeSize + ", " + hashes + "]";
  }
}
