package dev.tdeveloper.distribution.clock;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The byte layout of {@link FileHlcStateStore}'s file: two slots, slot {@code i} at offset {@code i
 * * SLOT_STRIDE}, the rest zeros. A slot is {@code magic (8) | mark (8) | sequence (8) | CRC32C of
 * the 24 bytes before it (4)}, big-endian; sequence {@code s} belongs in slot {@code s % 2}.
 * Stateless and thread-safe.
 */
final class HlcSlots {
  /** Distance between the slots' offsets: one device block each. */
  static final int SLOT_STRIDE = 4096;

  /** Size of the whole file. */
  static final int FILE_BYTES = 2 * SLOT_STRIDE;

  /** Bytes of one encoded slot. */
  static final int SLOT_BYTES = 28;

  private static final long MAGIC = 0x54_44_48_4C_43_53_4C_31L; // "TDHLCSL1"
  private static final int CHECKED_BYTES = 24;

  private HlcSlots() {}

  /** One decoded slot: a valid mark and sequence, or the reason it is invalid. */
  record Slot(boolean valid, long mark, long sequence, String problem) {
    static Slot invalid(String problem) {
      return new Slot(false, 0, 0, problem);
    }

    @Override
    public String toString() {
      return valid ? "mark " + mark + " at sequence " + sequence : problem;
    }
  }

  /** The offset in the file of the slot that holds {@code sequence}. */
  static long offsetOf(long sequence) {
    return (sequence & 1) * SLOT_STRIDE;
  }

  /** Encodes the slot for {@code mark} at {@code sequence}. */
  static byte[] encode(long mark, long sequence) {
    if (mark < 0 || sequence < 0) {
      throw new IllegalArgumentException(
          "mark " + mark + " and sequence " + sequence + " must be 0+");
    }
    ByteBuffer buffer = ByteBuffer.allocate(SLOT_BYTES);
    buffer.putLong(MAGIC).putLong(mark).putLong(sequence);
    buffer.putInt(checksum(buffer.array()));
    return buffer.array();
  }

  /** A whole file with {@code mark} in both slots, at sequences 0 and 1. */
  static byte[] initialImage(long mark) {
    byte[] image = new byte[FILE_BYTES];
    for (long sequence = 0; sequence < 2; sequence++) {
      byte[] slot = encode(mark, sequence);
      System.arraycopy(slot, 0, image, (int) offsetOf(sequence), SLOT_BYTES);
    }
    return image;
  }

  /** Decodes slot {@code index} (0 or 1) of a whole file's bytes. */
  static Slot decode(byte[] file, int index) {
    if (file.length != FILE_BYTES || index < 0 || index > 1) {
      throw new IllegalArgumentException(
          "slot "
              + index
              + " of a "
              + file.length
              + "-byte file; expected 0 or 1 of "
              + FILE_BYTES);
    }
    ByteBuffer buffer = ByteBuffer.wrap(file, index * SLOT_STRIDE, SLOT_BYTES).slice();
    if (buffer.getLong() != MAGIC) {
      return Slot.invalid("bad magic number");
    }
    long mark = buffer.getLong();
    long sequence = buffer.getLong();
    byte[] checked = new byte[CHECKED_BYTES];
    buffer.get(0, checked);
    if (buffer.getInt() != checksum(checked)) {
      return Slot.invalid("bad checksum");
    }
    if (mark < 0 || sequence < 0 || offsetOf(sequence) != (long) index * SLOT_STRIDE) {
      return Slot.invalid("mark " + mark + " at sequence " + sequence + " does not fit the slot");
    }
    return new Slot(true, mark, sequence, "");
  }

  private static int checksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, CHECKED_BYTES);
    return (int) crc.getValue();
  }
}
