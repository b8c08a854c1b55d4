package dev.tdeveloper.compliance.audit.integrity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the nodes of the tree of the first {@code size} leaves and builds its proofs. Every node of
 * the RFC 6962 recursion is either a perfect subtree, whose hash is stored, or ends at the right
 * edge: {@code [s_i, size)} where {@code s_i} are the starts of the perfect subtrees {@code size}
 * decomposes into (one per set bit). The right-edge hashes are computed once, on first use, with
 * {@code bitCount(size) - 1} node hashes; a proof then costs at most 64 stored reads.
 *
 * <p>Not thread-safe: one snapshot per call.
 */
final class TreeSnapshot {
  private final HashStorage storage;
  private final long size;
  private long[] edgeStarts;
  private byte[][] edgeHashes;

  TreeSnapshot(HashStorage storage, long size) {
    this.storage = storage;
    this.size = size;
  }

  /** Returns the root hash of this tree ({@code SHA-256()} when empty). */
  byte[] root() {
    return size == 0 ? MerkleHashes.emptyRoot() : node(0, size);
  }

  /** Returns RFC 6962 {@code PATH(index, D[0:size])}, bottom-up. */
  List<byte[]> inclusion(long index) {
    List<byte[]> path = new ArrayList<>(64);
    long start = 0;
    long end = size;
    while (end - start > 1) {
      long k = Long.highestOneBit(end - start - 1);
      if (index < start + k) {
        path.add(node(start + k, end));
        end = start + k;
      } else {
        path.add(node(start, start + k));
        start += k;
      }
    }
    Collections.reverse(path);
    return path;
  }

  /** Returns RFC 6962 {@code PROOF(oldSize, D[0:size])} for {@code 0 < oldSize < size}. */
  List<byte[]> consistency(long oldSize) {
    List<byte[]> proof = new ArrayList<>(64);
    long start = 0;
    long end = size;
    boolean whole = true;
    while (oldSize != end) {
      long k = Long.highestOneBit(end - start - 1);
      if (oldSize <= start + k) {
        proof.add(node(start + k, end));
        end = start + k;
      } else {
        proof.add(node(start, start + k));
        start += k;
        whole = false;
      }
    }
    if (!whole) {
      proof.add(node(start, end));
    }
    Collections.reverse(proof);
    return proof;
  }

  /** Returns {@code MTH(D[start:end])} for a node of the recursion. */
  private byte[] node(long start, long end) {
    long length = end - start;
    if (Long.bitCount(length) == 1 && (start & (length - 1)) == 0) {
      return perfect(start, Long.numberOfTrailingZeros(length));
    }
    if (end != size) {
      throw new IllegalStateException(
          "[" + start + ", " + end + ") is no node of a tree of " + size);
    }
    if (edgeStarts == null) {
      computeRightEdge();
    }
    for (int i = 0; i < edgeStarts.length; i++) {
      if (edgeStarts[i] == start) {
        return edgeHashes[i].clone();
      }
    }
    throw new IllegalStateException("[" + start + ", " + end + ") is no node of a tree of " + size);
  }

  private void computeRightEdge() {
    int count = Long.bitCount(size);
    long[] starts = new long[count];
    int[] levels = new int[count];
    long start = 0;
    int i = 0;
    for (int level = 63; level >= 0; level--) {
      if ((size >>> level & 1) != 0) {
        starts[i] = start;
        levels[i++] = level;
        start += 1L << level;
      }
    }
    byte[][] hashes = new byte[count][];
    hashes[count - 1] = perfect(starts[count - 1], levels[count - 1]);
    for (i = count - 2; i >= 0; i--) {
      hashes[i] = MerkleHashes.node(perfect(starts[i], levels[i]), hashes[i + 1]);
    }
    edgeStarts = starts;
    edgeHashes = hashes;
  }

  private byte[] perfect(long start, int level) {
    byte[] hash = new byte[32];
    storage.read(level, start >>> level, hash, 0);
    return hash;
  }
}
