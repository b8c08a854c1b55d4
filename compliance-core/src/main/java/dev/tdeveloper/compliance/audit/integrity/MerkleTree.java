package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.ComplianceException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only RFC 6962 / RFC 9162 Merkle tree over 32-byte leaf hashes, with the root of any
 * earlier size and inclusion and consistency proofs. It stores the leaf hashes and the hash of
 * every complete (perfect) subtree, about 64 bytes per leaf, so a proof reads at most 64 stored
 * hashes and hashes only the right edge of the tree (one node per set bit of the size).
 *
 * <p>Thread-safe: appends are serialised; readers run concurrently with the writer and see every
 * leaf appended before they read {@link #size()}, never a half-written one.
 */
public final class MerkleTree implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MerkleTree.class);

  /** Supplies the authoritative leaf hashes, as {@code AuditSink::readLeafHashes} does. */
  @FunctionalInterface
  public interface LeafHashes {
    /**
     * Hands the 32-byte leaf hashes of {@code from <= index < to} to {@code consumer}, in order.
     */
    void read(long from, long to, Consumer<byte[]> consumer);
  }

  private final HashStorage storage;
  private volatile long size;

  // The append path's own digest and scratch hashes, guarded by the tree's lock, so an append
  // allocates nothing and looks up no thread-local.
  private final MessageDigest digest = MerkleHashes.newDigest();
  private final byte[] sibling = new byte[MerkleHashes.LENGTH];
  private final byte[] node = new byte[MerkleHashes.LENGTH];

  // The last hash appended at each level, so that an append finds the left sibling of each subtree
  // it completes (always the last entry of that level before the append) in memory instead of
  // reading it back from storage: one positional read per completed subtree, about one per leaf.
  private final byte[][] frontier = new byte[HashStorage.MAX_LEVELS][];

  private MerkleTree(HashStorage storage, long size) {
    this.storage = storage;
    this.size = size;
  }

  /** Returns an empty tree held in memory. */
  public static MerkleTree inMemory() {
    return new MerkleTree(new MemoryHashStorage(), 0);
  }

  /**
   * Opens (or creates) a tree kept in {@code directory}, which it locks while open, and recovers it
   * to exactly {@code leafCount} leaves: hashes past that count (an unacknowledged tail) and torn
   * entries are cut off, the leaves appended since the last {@link #force()} are rewritten from
   * {@code leaves}, and the subtree hashes above them are recomputed. The result is forced to the
   * device, so a crash in the middle of any write never leaves a wrong hash.
   *
   * @param leafCount how many entries the log holds, from its own (authoritative) recovery
   * @param leaves the log's leaf hashes, read only for the leaves to rewrite
   * @throws IllegalArgumentException if {@code leafCount} is negative or {@code leaves} hands over
   *     a hash that is not 32 bytes, or the wrong number of them
   * @throws ComplianceException if the directory is locked or the files cannot be used
   */
  public static MerkleTree open(Path directory, long leafCount, LeafHashes leaves) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(leaves, "leaves");
    if (leafCount < 0) {
      throw new IllegalArgumentException("leafCount must be >= 0, got " + leafCount);
    }
    FileHashStorage storage = FileHashStorage.open(directory);
    try {
      TreeRecovery.recover(storage, leafCount, leaves);
      return new MerkleTree(storage, leafCount);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  /**
   * Appends a leaf hash (use {@link MerkleHashes#leaf} of the entry's bytes) and the hashes of the
   * subtrees it completes.
   *
   * @return the leaf's index
   * @throws IllegalArgumentException if {@code leafHash} is not 32 bytes; nothing is appended
   * @throws ComplianceException if the storage fails
   */
  public synchronized long append(byte[] leafHash) {
    if (Objects.requireNonNull(leafHash, "leafHash").length != MerkleHashes.LENGTH) {
      throw new IllegalArgumentException("leafHash must be 32 bytes, got " + leafHash.length);
    }
    long index = size;
    byte[] right = leafHash;
    try {
      for (int level = 0; ; level++) {
        storage.append(level, right);
        boolean completes = (index >>> level & 1) == 1;
        if (completes) {
          lastBefore(level, index, sibling);
        }
        remember(level, right);
        if (!completes) {
          break;
        }
        MerkleHashes.node(digest, sibling, right, node);
        right = node;
      }
    } catch (RuntimeException e) {
      Arrays.fill(frontier, null); // storage alone decides what a later append builds on
      throw e;
    }
    size = index + 1;
    return index;
  }

  /**
   * Copies into {@code into} the entry of {@code level} that precedes the one the leaf {@code
   * index} just appended there: from memory once this tree appended at that level, else (after
   * opening) from storage.
   */
  private void lastBefore(int level, long index, byte[] into) {
    byte[] last = frontier[level];
    if (last != null) {
      System.arraycopy(last, 0, into, 0, MerkleHashes.LENGTH);
    } else {
      storage.read(level, (index >>> level) - 1, into, 0);
    }
  }

  private void remember(int level, byte[] hash) {
    if (frontier[level] == null) {
      frontier[level] = new byte[MerkleHashes.LENGTH];
    }
    System.arraycopy(hash, 0, frontier[level], 0, MerkleHashes.LENGTH);
  }

  /** Returns the number of leaves. */
  public long size() {
    return size;
  }

  /** Returns the root hash of the current tree; {@code SHA-256()} of nothing when empty. */
  public byte[] root() {
    return new TreeSnapshot(storage, size).root();
  }

  /**
   * Returns the root hash the tree had when it held {@code treeSize} leaves.
   *
   * @throws IllegalArgumentException if {@code treeSize} is negative or above {@link #size()}
   */
  public byte[] root(long treeSize) {
    checkSize("treeSize", treeSize, size);
    return new TreeSnapshot(storage, treeSize).root();
  }

  /**
   * Returns the leaf hash at {@code index}.
   *
   * @throws IllegalArgumentException if {@code index} is negative or not below {@link #size()}
   */
  public byte[] leafHash(long index) {
    long current = size;
    if (index < 0 || index >= current) {
      throw new IllegalArgumentException(
          "leaf index must be in [0, " + current + "), got " + index);
    }
    byte[] hash = new byte[MerkleHashes.LENGTH];
    storage.read(0, index, hash, 0);
    return hash;
  }

  /**
   * Returns the proof that leaf {@code index} is in the tree of the first {@code treeSize} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= size()}
   */
  public InclusionProof inclusionProof(long index, long treeSize) {
    checkSize("treeSize", treeSize, size);
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException(
          "leaf index must be in [0, treeSize " + treeSize + "), got " + index);
    }
    return new InclusionProof(
        index, treeSize, new TreeSnapshot(storage, treeSize).inclusion(index));
  }

  /**
   * Returns the proof that the tree of {@code oldSize} leaves is a prefix of the tree of {@code
   * newSize} leaves: empty when {@code oldSize} is 0 or equals {@code newSize}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize <= size()}
   */
  public ConsistencyProof consistencyProof(long oldSize, long newSize) {
    checkSize("newSize", newSize, size);
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException(
          "oldSize must be in [0, newSize " + newSize + "], got " + oldSize);
    }
    if (oldSize == 0 || oldSize == newSize) {
      return new ConsistencyProof(oldSize, newSize, List.of());
    }
    return new ConsistencyProof(
        oldSize, newSize, new TreeSnapshot(storage, newSize).consistency(oldSize));
  }

  /**
   * Makes every appended hash durable (a no-op in memory) and records how many there are, so {@link
   * #open} trusts them and rebuilds only the leaves appended after it from the log. Call it now and
   * then (at every checkpoint, say): it costs one {@code fsync} per level file written since.
   *
   * @throws ComplianceException if the storage fails
   */
  public synchronized void force() {
    storage.force();
  }

  /** Releases the storage (and the directory lock of a file-backed tree); idempotent. */
  @Override
  public synchronized void close() {
    storage.close();
    LOG.debug("closed Merkle tree of {} leaves", size);
  }

  private static void checkSize(String name, long value, long current) {
    if (value < 0 || value > current) {
      throw new IllegalArgumentException(
          name + " must be in [0, " + current + "] (the tree's size), got " + value);
    }
  }

  @Override
  public String toString() {
    return "MerkleTree[" + size + " leaves]";
  }
}
