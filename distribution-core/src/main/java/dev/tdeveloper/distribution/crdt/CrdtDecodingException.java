package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.DistributionException;

/**
 * An encoded CRDT state could not be decoded: truncated, corrupt, of another type or version, or
 * breaking the type's invariants. The message and {@link #offset()} name where in the input.
 *
 * <p>Immutable and thread-safe.
 */
public class CrdtDecodingException extends DistributionException {
  private static final long serialVersionUID = 1L;

  /** The sentinel {@link #offset()} of a JSON input, whose message names the JSON path instead. */
  public static final long NO_OFFSET = -1;

  /** The byte offset of the failure, or {@link #NO_OFFSET}. */
  private final long offset;

  /**
   * Creates an exception.
   *
   * @param message what is wrong, naming the offset or JSON path
   * @param offset the byte offset in the binary input, or {@link #NO_OFFSET} for JSON
   * @param cause the underlying failure, or null
   */
  public CrdtDecodingException(String message, long offset, Throwable cause) {
    super(message, cause);
    this.offset = offset;
  }

  /** Returns the byte offset in the binary input where decoding failed, or {@link #NO_OFFSET}. */
  public long offset() {
    return offset;
  }
}
