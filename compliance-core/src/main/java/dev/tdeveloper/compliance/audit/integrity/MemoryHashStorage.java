package dev.tdeveloper.compliance.audit.integrity;

import java.util.Arrays;

/**
 * Hashes in memory, in chunks of {@value #CHUNK_ENTRIES} entries per level (1 MiB), so no array
 * ever comes near the 2 GiB limit and a growing tree never copies more than one chunk. The last
 * chunk of a level starts small and doubles, so a small tree stays small.
 *
 * <p>Readers see entries the writer published through the tree's volatile size: a chunk is only
 * replaced by a larger copy of itself, so any chunk a reader holds still has every entry it had.
 */
final class MemoryHashStorage implements HashStorage {
  static final int CHUNK_ENTRIES = 1 << 15;
  private static final int CHUNK_SHIFT = 15;
  private static final int FIRST_CHUNK_ENTRIES = 16;

  private final Level[] levels = new Level[MAX_LEVELS];

  MemoryHashStorage() {
    for (int i = 0; i < MAX_LEVELS; i++) {
      levels[i] = new Level();
    }
  }

  @Override
  public long count(int level) {
    return levels[level].count;
  }

  @Override
  public void read(int level, long index, byte[] into, int offset) {
    Level l = levels[level];
    byte[] chunk = l.chunks[(int) (index >>> CHUNK_SHIFT)];
    System.arraycopy(chunk, (int) (index & (CHUNK_ENTRIES - 1)) * 32, into, offset, 32);
  }

  @Override
  public void append(int level, byte[] hash) {
    levels[level].append(hash);
  }

  @Override
  public void force() {}

  @Override
  public void close() {}

  private static final class Level {
    private volatile byte[][] chunks = new byte[0][];
    private volatile long count;

    void append(byte[] hash) {
      long index = count;
      int c = (int) (index >>> CHUNK_SHIFT);
      int slot = (int) (index & (CHUNK_ENTRIES - 1));
      byte[][] current = chunks;
      if (c == current.length) {
        current = Arrays.copyOf(current, c + 1);
        current[c] = new byte[FIRST_CHUNK_ENTRIES * 32];
        chunks = current;
      } else if (current[c].length == slot * 32) {
        byte[][] grown = current.clone();
        grown[c] = Arrays.copyOf(current[c], Math.min(CHUNK_ENTRIES, slot * 2) * 32);
        current = grown;
        chunks = current;
      }
      System.arraycopy(hash, 0, current[c], slot * 32, 32);
      count = index + 1;
    }
  }
}
