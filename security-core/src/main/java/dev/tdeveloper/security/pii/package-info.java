/**
 * PII detection and masking: {@link dev.tdeveloper.security.pii.PiiDetector} finds e-mail
 * addresses, phone numbers, payment cards, IBANs, US SSNs, IP addresses, dates of birth and secrets
 * in one pass over a text; {@link dev.tdeveloper.security.pii.PiiMasker} replaces them (redact,
 * partial, keyed hash, format-preserving tokens, encryption), over plain text, Jackson trees
 * ({@link dev.tdeveloper.security.pii.JsonPiiMasker}) and log messages ({@link
 * dev.tdeveloper.security.pii.LogMasker}).
 */
package dev.tdeveloper.security.pii;
