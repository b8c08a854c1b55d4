package dev.tdeveloper.compliance.audit.integrity;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * Verifies inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 describe. A
 * wrong proof makes a method return {@code false}; only malformed arguments (null, a hash that is
 * not 32 bytes) throw. Stateless and thread-safe.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  /**
   * Returns whether {@code proof} proves that {@code leafHash} is the leaf at {@code
   * proof.leafIndex()} of the tree of {@code proof.treeSize()} leaves whose root is {@code root}.
   *
   * @throws IllegalArgumentException if {@code leafHash} or {@code root} is not 32 bytes
   */
  public static boolean verifyInclusion(byte[] leafHash, InclusionProof proof, byte[] root) {
    check("leafHash", leafHash);
    check("root", root);
    Objects.requireNonNull(proof, "proof");
    long fn = proof.leafIndex();
    long sn = proof.treeSize() - 1;
    if (proof.leafIndex() >= proof.treeSize()) {
      return false;
    }
    byte[] r = leafHash;
    for (byte[] p : proof.raw()) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHashes.node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleHashes.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * Returns whether {@code proof} proves that the tree whose root is {@code oldRoot} (of {@code
   * proof.oldSize()} leaves) is a prefix of the tree whose root is {@code newRoot} (of {@code
   * proof.newSize()} leaves). Beyond RFC 9162, which defines proofs for {@code 0 < oldSize <
   * newSize}: equal sizes need an empty proof and equal roots, and an old size of 0 needs an empty
   * proof and the empty tree's root as {@code oldRoot}.
   *
   * @throws IllegalArgumentException if {@code oldRoot} or {@code newRoot} is not 32 bytes
   */
  public static boolean verifyConsistency(byte[] oldRoot, byte[] newRoot, ConsistencyProof proof) {
    check("oldRoot", oldRoot);
    check("newRoot", newRoot);
    Objects.requireNonNull(proof, "proof");
    long first = proof.oldSize();
    long second = proof.newSize();
    byte[][] path = proof.raw();
    if (first > second) {
      return false;
    }
    if (first == second) {
      return path.length == 0 && MessageDigest.isEqual(oldRoot, newRoot);
    }
    if (first == 0) {
      return path.length == 0 && MessageDigest.isEqual(oldRoot, MerkleHashes.emptyRoot());
    }
    if (path.length == 0) {
      return false;
    }
    int next = 0;
    byte[] seed;
    if (Long.bitCount(first) == 1) {
      seed = oldRoot;
    } else {
      seed = path[next++];
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = seed;
    byte[] sr = seed;
    for (; next < path.length; next++) {
      byte[] c = path[next];
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHashes.node(c, fr);
        sr = MerkleHashes.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = MerkleHashes.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot) && sn == 0;
  }

  private static void check(String name, byte[] hash) {
    if (Objects.requireNonNull(hash, name).length != MerkleHashes.LENGTH) {
      throw new IllegalArgumentException(
          name + " must be " + MerkleHashes.LENGTH + " bytes, got " + hash.length);
    }
  }
}
