package dev.tdeveloper.security.pii;

/**
 * The kinds of personal data and secrets {@link PiiDetector} recognizes, each with how a candidate
 * is verified. Immutable and thread-safe.
 */
public enum PiiEntity {
  /** An e-mail address: RFC 5321 local part and a dotted domain ending in a letter-only TLD. */
  EMAIL,
  /** A phone number: E.164 ({@code +} and 8 to 15 digits) or a common national format. */
  PHONE,
  /** A payment card number: 13 to 19 digits passing the Luhn check. */
  CREDIT_CARD,
  /** An IBAN: the country's length and the ISO 13616 mod-97 check. */
  IBAN,
  /** A US social security number outside the never-issued ranges (000, 666, 9xx, 00, 0000). */
  US_SSN,
  /** An IPv4 or IPv6 address literal (parsed with the suite's strict rules). */
  IP_ADDRESS,
  /** A calendar date near words such as "born", "DOB" or "date of birth". */
  DATE_OF_BIRTH,
  /** An AWS access key id ({@code AKIA}, {@code ASIA}... and 16 characters). */
  AWS_ACCESS_KEY,
  /** A JSON Web Token whose header decodes to a JSON object naming {@code alg}. */
  JWT,
  /** A high-entropy token such as an API key or password (Shannon entropy and character mix). */
  SECRET_TOKEN
}
