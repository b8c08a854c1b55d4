package dev.tdeveloper.security.pii;

/**
 * How {@link PiiMasker} replaces a piece of PII. Immutable and thread-safe.
 *
 * <p>Only {@link #TOKENIZE} and {@link #ENCRYPT} are reversible ({@link PiiMasker#reveal}); {@link
 * #KEYED_HASH} is stable (the same value of the same tenant always gives the same pseudonym, so
 * masked records can still be joined) but one-way.
 */
public enum MaskingStrategy {
  /** Replaces the value with its entity in brackets: {@code [EMAIL]} ({@code [REDACTED]}). */
  REDACT,
  /**
   * Keeps the last 4 letters and digits, stars the others and keeps separators: {@code
   * ****-****-****-1111}. A value with fewer than 8 letters and digits is starred entirely.
   */
  PARTIAL,
  /**
   * Replaces the value with a pseudonym: the entity and the first 16 hex digits of HMAC-SHA256
   * under the tenant's pseudonym key ({@code EMAIL_3f9a1c2b8d0e4f71}). Needs {@link PseudonymKeys}.
   */
  KEYED_HASH,
  /**
   * Replaces the value with a random token of the same shape, kept in the tenant's {@link
   * TokenVault}: digits stay digits, letters stay letters of the same case, every other character
   * and the length are kept (an e-mail address stays e-mail-shaped).
   */
  TOKENIZE,
  /**
   * Replaces the value with {@code enc:} and the base64url AES-256-GCM encryption (random 96-bit
   * nonce, 128-bit tag, the tenant as associated data) under the tenant's encryption key. Needs
   * {@link PseudonymKeys}.
   */
  ENCRYPT
}
