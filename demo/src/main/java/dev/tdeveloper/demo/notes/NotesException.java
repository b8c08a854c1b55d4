package dev.tdeveloper.demo.notes;

/**
 * A notes journal cannot be opened (locked elsewhere, corrupt, unreadable) or written. Unchecked;
 * immutable.
 */
public final class NotesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code cause} may be null. */
  public NotesException(String message, Exception cause) {
    super(message, cause);
  }
}
