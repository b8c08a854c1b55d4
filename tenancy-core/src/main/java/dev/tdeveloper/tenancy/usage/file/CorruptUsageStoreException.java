package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.spi.UsageStoreException;
import java.nio.file.Path;

/**
 * Thrown when a {@link FileUsageStore} finds damaged data that is not a torn tail: a bad record
 * followed by good ones, a damaged segment other than the last, a missing segment. The store
 * refuses to open rather than drop acknowledged events silently; inspect the file at the offset,
 * then restore it from a backup or cut it there by hand.
 */
public final class CorruptUsageStoreException extends UsageStoreException {
  private static final long serialVersionUID = 1L;

  /** The damaged file. */
  private final transient Path file;

  private final long offset;

  /**
   * Creates the exception.
   *
   * @param file the damaged file
   * @param offset the byte offset of the damage in {@code file}
   * @param problem what is wrong there
   */
  public CorruptUsageStoreException(Path file, long offset, String problem) {
    super(
        "usage store file "
            + file
            + " is corrupt at offset "
            + offset
            + ": "
            + problem
            + "; refusing to continue so no acknowledged event is dropped silently");
    this.file = file;
    this.offset = offset;
  }

  /** Returns the damaged file. */
  public Path file() {
    return file;
  }

  /** Returns the byte offset of the damage in {@link #file()}. */
  public long offset() {
    return offset;
  }
}
