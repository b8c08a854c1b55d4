package dev.tdeveloper.compliance.audit.integrity;

/**
 * Where a {@link MerkleTree} keeps its hashes: per level, an append-only sequence of 32-byte
 * entries. Level 0 holds the leaf hashes; entry {@code j} of level {@code k} is the hash of the
 * perfect subtree over leaves {@code [j * 2^k, (j + 1) * 2^k)}.
 *
 * <p>One writer appends; readers may read entries below a count they learnt from the tree's
 * published size concurrently. Entries are never changed once appended.
 */
interface HashStorage extends AutoCloseable {
  /** The most levels a tree of up to {@code 2^63 - 1} leaves needs. */
  int MAX_LEVELS = 64;

  /** Returns how many entries {@code level} holds. */
  long count(int level);

  /** Copies entry {@code index} of {@code level} into {@code into[offset, offset + 32)}. */
  void read(int level, long index, byte[] into, int offset);

  /** Appends a 32-byte entry to {@code level}, at index {@link #count(int)}. */
  void append(int level, byte[] hash);

  /** Makes every appended entry durable (no-op in memory). */
  void force();

  /** Releases the storage. */
  @Override
  void close();
}
