package dev.tdeveloper.cost.allocation;

import java.util.Arrays;

/**
 * A column of references in chunks of {@value #CHUNK} entries, each well below the size at which G1
 * allocates an array as a humongous object (half a region: 2 MB with an 8 GB heap). A humongous
 * array of references is not reclaimed by young collections in JDK 17, so a dead allocation's
 * columns would keep the young objects they point to alive, to be copied and promoted; chunks die
 * young like the rest. Confined to one allocation run, then only read.
 */
final class RefColumn<T> {
  static final int CHUNK = 1 << 16;
  private static final int SHIFT = 16;
  private static final int MASK = CHUNK - 1;

  private Object[][] chunks = new Object[0][];

  /** Makes room for entries {@code 0 .. n - 1}, keeping those set. */
  void ensure(int n) {
    int need = (int) ((n + (long) MASK) >>> SHIFT);
    int had = chunks.length;
    if (need > had) {
      chunks = Arrays.copyOf(chunks, need);
    }
    for (int k = Math.max(had - 1, 0); k < need; k++) {
      int length = (int) Math.min(CHUNK, n - (long) k * CHUNK);
      if (chunks[k] == null) {
        chunks[k] = new Object[length];
      } else if (chunks[k].length < length) {
        chunks[k] = Arrays.copyOf(chunks[k], length);
      }
    }
  }

  void set(int i, T value) {
    chunks[i >>> SHIFT][i & MASK] = value;
  }

  @SuppressWarnings("unchecked")
  T get(int i) {
    return (T) chunks[i >>> SHIFT][i & MASK];
  }
}
