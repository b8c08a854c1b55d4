package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.ComplianceException;

/**
 * A signed checkpoint that cannot be trusted or accepted; {@link #problem()} says why, the message
 * says where.
 */
public class CheckpointException extends ComplianceException {
  private static final long serialVersionUID = 1L;

  /** Why a checkpoint was refused. */
  public enum Problem {
    /** The signed note is not in the C2SP signed-note form (text, blank line, signature lines). */
    MALFORMED_NOTE,
    /** The note's text is not a C2SP checkpoint (origin, size, root hash, extension lines). */
    MALFORMED_CHECKPOINT,
    /** The root hash line is base64, but not of 32 bytes. */
    BAD_ROOT_LENGTH,
    /** No signature line is from a key the verifier knows. */
    NO_KNOWN_SIGNATURE,
    /** A signature line from a known key does not verify: the note was altered or forged. */
    BAD_SIGNATURE,
    /** An anchor already holds a checkpoint of a larger tree: the log would go backwards. */
    ROLLBACK,
    /** An anchor already holds a checkpoint of the same size with another root: a fork. */
    FORK
  }

  private final Problem problem;

  /**
   * Creates an exception.
   *
   * @param problem why the checkpoint was refused
   * @param message what is wrong, naming the line, key or sizes involved
   */
  public CheckpointException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  /** Returns why the checkpoint was refused. */
  public Problem problem() {
    return problem;
  }
}
