package dev.tdeveloper.distribution.clock;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps an {@link Hlc}'s high-water mark in one small local file with one forced write per {@link
 * #store}.
 *
 * <p>The file has a fixed size, 8,192 bytes, and two slots in separate 4,096-byte blocks (so a torn
 * device write of one cannot touch the other); each slot holds a magic number, the mark, a sequence
 * number and a CRC32C of them. Sequence {@code s} lives in slot {@code s % 2}, so stores alternate:
 * a store writes the slot that does not hold the newest mark, in place, then forces the file's data
 * ({@code force(false)}). The file never changes size after it is created, so that one force
 * carries no metadata. {@link #load} takes the valid slot with the highest sequence.
 *
 * <p>Why a torn slot is safe: a crash during a store can tear only the slot that store was writing;
 * its checksum then fails and {@link #load} falls back to the other slot, which holds the previous
 * mark, durable since the previous store returned. No stamp above the previous mark was issued
 * before the torn store returned (the clock stamps inside a mark only once its store has returned),
 * so a restarted clock that starts above the previous mark never repeats a stamp. A failed store
 * does not advance the sequence: the next store rewrites the same slot and never the one holding
 * the last durable mark.
 *
 * <p>{@link #open} creates a missing file with both slots at mark 0, and rewrites a file in the
 * earlier one-line format ({@code hlc-high-water-millis <n>}) in the slot format, each atomically
 * (temporary file, force, rename, directory force) once. A file whose slots are both invalid, or in
 * neither format, is refused with an error naming it.
 *
 * <p>Thread-safe. One open store (one clock, one process) per file at a time: two stores writing
 * the same file could move the mark back.
 */
public final class FileHlcStateStore implements HlcStateStore {
  private static final String LEGACY_PREFIX = "hlc-high-water-millis ";
  private static final int LEGACY_MAX_BYTES = 64;

  private final Path file;
  private long stored;
  private long sequence;

  private FileHlcStateStore(Path file, HlcSlots.Slot newest) {
    this.file = file;
    this.stored = newest.mark();
    this.sequence = newest.sequence();
  }

  /**
   * Opens the store at {@code file}, creating its parent directories and the file (mark 0) if it is
   * missing, or converting a file in the earlier one-line format.
   *
   * @param file the state file
   * @return the store
   * @throws DistributionException if the directory or file cannot be created, or the file is
   *     unreadable or corrupt
   */
  public static FileHlcStateStore open(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      Files.createDirectories(DurableFiles.parentOf(file));
    } catch (IOException e) {
      throw new DistributionException("cannot create the directory of HLC state file " + file, e);
    }
    Optional<byte[]> bytes = readBytes(file);
    if (bytes.isPresent() && bytes.get().length == HlcSlots.FILE_BYTES) {
      return new FileHlcStateStore(file, newest(file, bytes.get()));
    }
    long mark = bytes.map(legacy -> legacyMark(file, legacy)).orElse(0L);
    byte[] image = HlcSlots.initialImage(mark);
    try {
      DurableFiles.replace(file, out -> out.write(image));
    } catch (IOException e) {
      throw new DistributionException("cannot create HLC state file " + file, e);
    }
    return new FileHlcStateStore(file, newest(file, image));
  }

  /** Returns the file this store writes. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized long load() {
    byte[] bytes =
        readBytes(file)
            .orElseThrow(
                () -> new DistributionException("HLC state file " + file + " has disappeared"));
    if (bytes.length != HlcSlots.FILE_BYTES) {
      throw corrupt(file, sizeError(bytes.length));
    }
    return Math.max(stored, newest(file, bytes).mark());
  }

  @Override
  public synchronized void store(long highWaterMillis) {
    if (highWaterMillis < 0) {
      throw new IllegalArgumentException(
          "high-water mark " + highWaterMillis + " is negative; allowed: 0+");
    }
    if (highWaterMillis <= stored) {
      return;
    }
    long next = sequence + 1;
    ByteBuffer slot = ByteBuffer.wrap(HlcSlots.encode(highWaterMillis, next));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long offset = HlcSlots.offsetOf(next);
      while (slot.hasRemaining()) {
        offset += channel.write(slot, offset);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new DistributionException(
          "cannot store HLC high-water mark " + highWaterMillis + " in " + file, e);
    }
    sequence = next;
    stored = highWaterMillis;
  }

  /** The file's bytes, empty when it does not exist. */
  private static Optional<byte[]> readBytes(Path file) {
    try {
      long size = Files.size(file);
      if (size > HlcSlots.FILE_BYTES) {
        throw corrupt(file, sizeError(size));
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new DistributionException("cannot read HLC state file " + file, e);
    }
  }

  private static HlcSlots.Slot newest(Path file, byte[] bytes) {
    HlcSlots.Slot first = HlcSlots.decode(bytes, 0);
    HlcSlots.Slot second = HlcSlots.decode(bytes, 1);
    if (!first.valid() && !second.valid()) {
      throw corrupt(
          file, "neither slot holds a valid mark (slot 0: " + first + ", slot 1: " + second + ")");
    }
    if (!second.valid()) {
      return first;
    }
    if (!first.valid()) {
      return second;
    }
    return first.sequence() > second.sequence() ? first : second;
  }

  private static long legacyMark(Path file, byte[] bytes) {
    if (bytes.length > LEGACY_MAX_BYTES) {
      throw corrupt(file, sizeError(bytes.length));
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (!text.startsWith(LEGACY_PREFIX) || !text.endsWith("\n")) {
      throw corrupt(
          file,
          "expected "
              + HlcSlots.FILE_BYTES
              + " bytes of slots or one line '"
              + LEGACY_PREFIX
              + "<millis>'");
    }
    String number = text.substring(LEGACY_PREFIX.length(), text.length() - 1);
    try {
      long mark = Long.parseLong(number);
      if (mark < 0) {
        throw corrupt(file, "the mark " + mark + " is negative");
      }
      return mark;
    } catch (NumberFormatException e) {
      throw corrupt(file, "'" + number + "' is not a number of milliseconds");
    }
  }

  private static String sizeError(long size) {
    return "it is "
        + size
        + " bytes: neither the "
        + HlcSlots.FILE_BYTES
        + "-byte slot format nor the one-line format of at most "
        + LEGACY_MAX_BYTES
        + " bytes";
  }

  private static DistributionException corrupt(Path file, String why) {
    return new DistributionException("HLC state file " + file + " is corrupt: " + why);
  }

  @Override
  public String toString() {
    return "FileHlcStateStore[" + file + "]";
  }
}
