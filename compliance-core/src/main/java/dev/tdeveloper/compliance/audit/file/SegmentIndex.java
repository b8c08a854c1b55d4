package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.util.Arrays;

/**
 * The byte offset of every {@value #STRIDE}th entry of one segment, noted as entries are written or
 * scanned, so that reading one entry (a proof, an {@code entry(sequence)}) seeks close to it
 * instead of reading the segment from its start: 16 bytes per {@value #STRIDE} entries.
 * Thread-safe: the writer notes, readers look up; a reader only asks for entries its view already
 * holds.
 */
final class SegmentIndex {
  static final int STRIDE = 256;

  /** Where reading may start: the entry {@code sequence} begins at byte {@code offset}. */
  record Position(long sequence, long offset) {}

  private final long first;
  private long[] offsets = new long[8];
  private int count;

  SegmentIndex(long first) {
    this.first = first;
  }

  /** Notes that entry {@code sequence} starts at byte {@code offset}; keeps every STRIDE-th. */
  synchronized void note(long sequence, long offset) {
    long k = sequence - first;
    if (k < 0 || k % STRIDE != 0 || k / STRIDE != count) {
      return;
    }
    if (count == offsets.length) {
      offsets = Arrays.copyOf(offsets, count * 2);
    }
    offsets[count++] = offset;
  }

  /**
   * Returns the noted position closest before or at {@code sequence} (the records' start if none).
   */
  synchronized Position floor(long sequence) {
    long slot = Math.min((sequence - first) / STRIDE, count - 1L);
    if (slot < 0) {
      return new Position(first, RecordFormat.HEADER);
    }
    return new Position(first + slot * STRIDE, offsets[(int) slot]);
  }
}
