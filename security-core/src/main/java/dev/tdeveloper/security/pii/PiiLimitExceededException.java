package dev.tdeveloper.security.pii;

import dev.tdeveloper.security.SecurityCoreException;

/**
 * Thrown when a text is longer than a detector's {@code maxInputChars} or holds more findings than
 * its {@code maxFindings}, so that one hostile input cannot take unbounded time or memory. Nothing
 * is returned for such a text: callers must not pass it on unmasked ({@link LogMasker} withholds
 * it).
 */
public class PiiLimitExceededException extends SecurityCoreException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the limit and the offending size. */
  public PiiLimitExceededException(String message) {
    super(message);
  }
}
