package dev.tdeveloper.compliance.audit.integrity;

import java.util.List;

/**
 * An RFC 9162 consistency proof: the hashes that prove the tree of {@link #oldSize()} leaves is a
 * prefix of the tree of {@link #newSize()} leaves, so nothing the old checkpoint covered was
 * changed or removed. Verify it with {@link ProofVerifier#verifyConsistency}. Immutable and
 * thread-safe; the hashes are copied in and out.
 */
public final class ConsistencyProof extends MerkleProof {
  /**
   * Creates a proof. Values that cannot be a valid proof (an old size above the new one) are
   * accepted here and fail verification.
   *
   * @param oldSize the earlier tree size, {@code >= 0}
   * @param newSize the later tree size, {@code >= 0}
   * @param hashes the proof's hashes in RFC 9162 order, each 32 bytes (copied), at most 64
   * @throws IllegalArgumentException if a size is negative or a hash is not 32 bytes
   */
  public ConsistencyProof(long oldSize, long newSize, List<byte[]> hashes) {
    super("oldSize", oldSize, "newSize", newSize, hashes);
  }

  /**
   * Creates a proof from base64 (standard alphabet) hashes, as {@link #hashesBase64()} exports
   * them.
   *
   * @throws IllegalArgumentException if a size is negative or a hash is not base64 of 32 bytes
   */
  public static ConsistencyProof fromBase64(long oldSize, long newSize, List<String> hashes) {
    return new ConsistencyProof(oldSize, newSize, ProofHashes.decode(hashes));
  }

  /** Returns the earlier tree size. */
  public long oldSize() {
    return first();
  }

  /** Returns the later tree size. */
  public long newSize() {
    return second();
  }

  @Override
  String numbers() {
    return oldSize() + " -> " + newSize();
  }
}
