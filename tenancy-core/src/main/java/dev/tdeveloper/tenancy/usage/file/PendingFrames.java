package dev.tdeveloper.tenancy.usage.file;

import java.util.Arrays;

/**
 * Frames appended under {@link FsyncPolicy#GROUP_COMMIT} but not yet written to the segment: an
 * appender copies its frame in (no system call), and the force that covers it takes them all out
 * ({@link #drain}) and writes them with one call before forcing. So the store's lock never covers a
 * {@code write}, which can block for as long as a journal commit when other files are being forced.
 * Drained bytes count in {@link #size} until {@link #written} says they reached the segment, so the
 * store's segment bound never misses bytes that are between the buffer and the file. Thread-safe; a
 * leaf lock (nothing else is locked while holding it).
 */
final class PendingFrames {
  private byte[] bytes = new byte[4096];
  private int size;
  private int drained; // handed out by drain, not yet written

  /** Appends {@code frame}. */
  synchronized void add(byte[] frame) {
    if (size + frame.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + frame.length));
    }
    System.arraycopy(frame, 0, bytes, size, frame.length);
    size += frame.length;
  }

  /** Returns how many bytes wait to be written, including drained ones not yet {@link #written}. */
  synchronized int size() {
    return size + drained;
  }

  /**
   * Returns every waiting byte, in the order added, and empties the buffer; the bytes still count
   * in {@link #size} until {@link #written}.
   */
  synchronized byte[] drain() {
    byte[] out = Arrays.copyOf(bytes, size);
    drained += size;
    size = 0;
    return out;
  }

  /** Says the drained bytes were written to the segment (or that writing them failed). */
  synchronized void written() {
    drained = 0;
  }
}
