package dev.tdeveloper.compliance.audit.file;

import java.nio.file.Path;

/**
 * What a sink knows of one segment file: its entries {@code [first, end)}, its committed length in
 * bytes, the keyed-chain value of its last entry (empty when unkeyed or empty) and the sparse index
 * of its entries' offsets (shared by the versions of one segment, appended to as it grows).
 * Immutable apart from the index.
 */
record Segment(Path file, long first, long end, long bytes, byte[] lastChain, SegmentIndex index) {
  /** Returns an empty segment starting at entry {@code first}, its records at {@code bytes}. */
  static Segment empty(Path file, long first, long bytes, byte[] chain) {
    return new Segment(file, first, first, bytes, chain, new SegmentIndex(first));
  }

  /** Returns whether the segment holds no entry. */
  boolean isEmpty() {
    return end == first;
  }

  /** Returns this segment grown to {@code end} entries, {@code bytes} long. */
  Segment grown(long newEnd, long newBytes, byte[] chain) {
    return new Segment(file, first, newEnd, newBytes, chain, index);
  }
}
