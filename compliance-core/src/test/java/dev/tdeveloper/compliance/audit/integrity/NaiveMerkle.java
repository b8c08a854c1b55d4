package dev.tdeveloper.compliance.audit.integrity;

import java.util.ArrayList;
import java.util.List;

/** RFC 6962 §2.1 written as the RFC states it (MTH, PATH, PROOF, SUBPROOF), for cross-checks. */
final class NaiveMerkle {
  private NaiveMerkle() {}

  static byte[] mth(List<byte[]> leaves) {
    int n = leaves.size();
    if (n == 0) {
      return MerkleHashes.emptyRoot();
    }
    if (n == 1) {
      return leaves.get(0);
    }
    int k = largestPowerOfTwoBelow(n);
    return MerkleHashes.node(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
  }

  static List<byte[]> path(int m, List<byte[]> leaves) {
    int n = leaves.size();
    List<byte[]> out = new ArrayList<>();
    if (n == 1) {
      return out;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m < k) {
      out.addAll(path(m, leaves.subList(0, k)));
      out.add(mth(leaves.subList(k, n)));
    } else {
      out.addAll(path(m - k, leaves.subList(k, n)));
      out.add(mth(leaves.subList(0, k)));
    }
    return out;
  }

  static List<byte[]> proof(int m, List<byte[]> leaves) {
    return subproof(m, leaves, true);
  }

  private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
    int n = leaves.size();
    List<byte[]> out = new ArrayList<>();
    if (m == n) {
      if (!b) {
        out.add(mth(leaves));
      }
      return out;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      out.addAll(subproof(m, leaves.subList(0, k), b));
      out.add(mth(leaves.subList(k, n)));
    } else {
      out.addAll(subproof(m - k, leaves.subList(k, n), false));
      out.add(mth(leaves.subList(0, k)));
    }
    return out;
  }

  /** The largest power of two smaller than {@code n}, for {@code n > 1}. */
  private static int largestPowerOfTwoBelow(int n) {
    int k = 1;
    while (k << 1 < n) {
      k <<= 1;
    }
    return k;
  }
}
