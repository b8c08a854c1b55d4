package dev.tdeveloper.compliance.spi;

/**
 * How a {@link PersonalDataConnector} erases a subject's data, through an {@link ErasureHandler}.
 */
public enum ErasureStrategy {
  /** The records are deleted. */
  DELETE,
  /**
   * The records stay (for counts and statistics) but every personal field is overwritten, so
   * nothing in them identifies the subject any longer.
   */
  MASK,
  /**
   * The key the subject's data is encrypted under is destroyed, so every copy, including backups,
   * becomes unreadable; the connector drops the ciphertexts it can no longer read.
   */
  CRYPTO_SHRED
}
