package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.ComplianceException;
import java.nio.file.Path;

/**
 * Thrown when a log directory holds damage that is not a torn tail: a damaged frame followed by
 * valid ones, a gap in the sequence numbers, a missing segment. The sink refuses to open rather
 * than drop acknowledged entries; the message and {@link #file()} / {@link #offset()} say where.
 */
public final class AuditLogCorruptException extends ComplianceException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param problem what is wrong, without the location
   * @param file the damaged file
   * @param offset the byte offset in {@code file} where the damage starts
   */
  public AuditLogCorruptException(String problem, Path file, long offset) {
    super("audit log file " + file + " at byte offset " + offset + " " + problem);
    this.file = file.toString();
    this.offset = offset;
  }

  /** Returns the damaged file's path, as a string. */
  public String file() {
    return file;
  }

  /** Returns the byte offset in {@link #file()} where the damage starts. */
  public long offset() {
    return offset;
  }
}
