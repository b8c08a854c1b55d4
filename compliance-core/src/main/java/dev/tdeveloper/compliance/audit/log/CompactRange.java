package dev.tdeveloper.compliance.audit.log;

import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 6962 root of a growing list of leaf hashes in O(log n) memory: the hashes of the perfect
 * subtrees the leaves so far form, largest first. Lets a verifier recompute the root at every
 * checkpoint size in one pass over a log of any length. Not thread-safe.
 */
final class CompactRange {
  private final List<byte[]> hashes = new ArrayList<>();
  private final List<Integer> heights = new ArrayList<>();
  private long size;

  /** Adds the next leaf hash (copied). */
  void append(byte[] leafHash) {
    byte[] hash = leafHash.clone();
    int height = 0;
    while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
      int last = heights.size() - 1;
      hash = MerkleHashes.node(hashes.remove(last), hash);
      heights.remove(last);
      height++;
    }
    hashes.add(hash);
    heights.add(height);
    size++;
  }

  /** Returns how many leaves were added. */
  long size() {
    return size;
  }

  /** Returns the root of the leaves added so far ({@code SHA-256()} of nothing when empty). */
  byte[] root() {
    if (hashes.isEmpty()) {
      return MerkleHashes.emptyRoot();
    }
    byte[] root = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      root = MerkleHashes.node(hashes.get(i), root);
    }
    return root;
  }
}
