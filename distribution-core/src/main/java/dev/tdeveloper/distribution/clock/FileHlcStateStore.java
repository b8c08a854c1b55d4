package dev.tdeveloper.distribution.clock;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Keeps an {@link Hlc}'s high-water mark in one small local file, replaced atomically and forced to
 * disk on every {@link #store}, so a crash at any point leaves the old or the new mark, never a
 * torn one. The file holds one line, {@code hlc-high-water-millis <n>}.
 *
 * <p>Thread-safe. One process (one clock) per file: two processes storing into the same file could
 * move the mark back.
 */
public final class FileHlcStateStore implements HlcStateStore {
  private static final String PREFIX = "hlc-high-water-millis ";
  private static final int MAX_FILE_BYTES = 64;

  private final Path file;
  private long stored;

  private FileHlcStateStore(Path file, long stored) {
    this.file = file;
    this.stored = stored;
  }

  /**
   * Opens the store at {@code file}, creating its parent directories; the file itself is written by
   * the first {@link #store}.
   *
   * @param file the state file
   * @return the store
   * @throws DistributionException if the directory cannot be created or the file is unreadable or
   *     corrupt
   */
  public static FileHlcStateStore open(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      Files.createDirectories(DurableFiles.parentOf(file));
    } catch (IOException e) {
      throw new DistributionException("cannot create the directory of HLC state file " + file, e);
    }
    return new FileHlcStateStore(file, read(file));
  }

  /** Returns the file this store writes. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized long load() {
    return Math.max(stored, read(file));
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
    byte[] content = (PREFIX + highWaterMillis + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      DurableFiles.replace(file, out -> out.write(content));
    } catch (IOException e) {
      throw new DistributionException(
          "cannot store HLC high-water mark " + highWaterMillis + " in " + file, e);
    }
    stored = highWaterMillis;
  }

  private static long read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw corrupt(file, "it is longer than " + MAX_FILE_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new DistributionException("cannot read HLC state file " + file, e);
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (!text.startsWith(PREFIX) || !text.endsWith("\n")) {
      throw corrupt(file, "expected one line '" + PREFIX + "<millis>'");
    }
    String number = text.substring(PREFIX.length(), text.length() - 1);
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

  private static DistributionException corrupt(Path file, String why) {
    return new DistributionException("HLC state file " + file + " is corrupt: " + why);
  }

  @Override
  public String toString() {
    return "FileHlcStateStore[" + file + "]";
  }
}
