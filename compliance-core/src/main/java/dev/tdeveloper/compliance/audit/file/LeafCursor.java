package dev.tdeveloper.compliance.audit.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a {@link LeavesFile} forward in chunks, for the verifier's sequential scan. */
final class LeafCursor {
  private static final int CHUNK = 4096;

  private final LeavesFile leaves;
  private long chunkStart = -1;
  private byte[][] chunk = new byte[0][];

  LeafCursor(LeavesFile leaves) {
    this.leaves = leaves;
  }

  long count() {
    return leaves.count();
  }

  Path file() {
    return leaves.file();
  }

  /** Returns the hash of entry {@code index} (below {@link #count()}). */
  byte[] get(long index) throws IOException {
    if (chunkStart < 0 || index < chunkStart || index >= chunkStart + chunk.length) {
      long end = Math.min(leaves.count(), index + CHUNK);
      byte[][] loaded = new byte[(int) (end - index)][];
      int[] at = {0};
      leaves.read(index, end, hash -> loaded[at[0]++] = Arrays.copyOf(hash, hash.length));
      chunk = loaded;
      chunkStart = index;
    }
    return chunk[(int) (index - chunkStart)];
  }
}
