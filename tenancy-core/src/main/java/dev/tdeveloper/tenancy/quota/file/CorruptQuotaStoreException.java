package dev.tdeveloper.tenancy.quota.file;

import dev.tdeveloper.tenancy.spi.QuotaStoreException;
import java.nio.file.Path;

/**
 * Thrown when a {@link FileQuotaStore} finds damaged data that is not a torn tail: a bad record
 * followed by good ones, a damaged snapshot, a log without its snapshot. The store refuses to open
 * rather than drop acknowledged changes silently; inspect the file at the offset, then restore it
 * from a backup or cut it there by hand.
 */
public final class CorruptQuotaStoreException extends QuotaStoreException {
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
  public CorruptQuotaStoreException(Path file, long offset, String problem) {
    super(
        "quota store file "
            + file
            + " is corrupt at offset "
            + offset
            + ": "
            + problem
            + "; refusing to continue so no acknowledged change is dropped silently");
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
