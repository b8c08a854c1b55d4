package dev.tdeveloper.compliance.audit.file;

import java.nio.file.Path;

/**
 * What a sink knows of one segment file: its entries {@code [first, end)}, its committed length in
 * bytes and the keyed-chain value of its last entry (empty when unkeyed or empty). Immutable.
 */
record Segment(Path file, long first, long end, long bytes, byte[] lastChain) {
  /** Returns whether the segment holds no entry. */
  boolean isEmpty() {
    return end == first;
  }

  /** Returns this segment grown to {@code end} entries, {@code bytes} long. */
  Segment grown(long newEnd, long newBytes, byte[] chain) {
    return new Segment(file, first, newEnd, newBytes, chain);
  }
}
