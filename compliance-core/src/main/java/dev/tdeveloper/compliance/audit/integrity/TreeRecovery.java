package dev.tdeveloper.compliance.audit.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the level files of a file-backed tree to exactly the state of {@code leafCount} leaves
 * after a crash. A crash can leave, per file, a torn last entry, entries the log never acknowledged
 * and, for writes not yet forced, entries of zeros; so every level is cut to the entries of the
 * last completed force (its leaf count is in the storage's marker), the leaves from there on are
 * rewritten from the log, and each level is recomputed from the one below. Stateless.
 */
final class TreeRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(TreeRecovery.class);

  private TreeRecovery() {}

  static void recover(FileHashStorage storage, long leafCount, MerkleTree.LeafHashes leaves) {
    long kept = Math.min(Math.min(storage.count(0), leafCount), storage.forcedLeaves());
    storage.truncate(0, kept);
    for (int level = 1; level < HashStorage.MAX_LEVELS; level++) {
      storage.truncate(level, Math.min(storage.count(level), kept >>> level));
    }
    long[] next = {kept};
    leaves.read(
        kept,
        leafCount,
        hash -> {
          if (hash == null || hash.length != MerkleHashes.LENGTH || next[0] >= leafCount) {
            throw new IllegalArgumentException(
                "leaf source handed over a bad hash or too many hashes at index " + next[0]);
          }
          storage.append(0, hash);
          next[0]++;
        });
    if (next[0] != leafCount) {
      throw new IllegalArgumentException(
          "leaf source handed over leaves up to " + next[0] + ", expected " + leafCount);
    }
    byte[] left = new byte[MerkleHashes.LENGTH];
    byte[] right = new byte[MerkleHashes.LENGTH];
    long rebuilt = 0;
    for (int level = 1; level < HashStorage.MAX_LEVELS && leafCount >>> level > 0; level++) {
      for (long j = storage.count(level); j < leafCount >>> level; j++) {
        storage.read(level - 1, 2 * j, left, 0);
        storage.read(level - 1, 2 * j + 1, right, 0);
        storage.append(level, MerkleHashes.node(left, right));
        rebuilt++;
      }
    }
    storage.force();
    LOG.debug(
        "recovered Merkle tree of {} leaves: rewrote {} leaves, recomputed {} nodes",
        leafCount,
        leafCount - kept,
        rebuilt);
  }
}
