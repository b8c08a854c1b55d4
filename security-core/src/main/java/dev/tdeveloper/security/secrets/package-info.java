/**
 * Secrets: the {@link dev.tdeveloper.security.secrets.Secret} value that never shows itself, the
 * default stores ({@link dev.tdeveloper.security.secrets.LocalSecretStore}, an AES-256-GCM
 * encrypted crash-safe file, and {@link dev.tdeveloper.security.secrets.InMemorySecretStore}), and
 * {@link dev.tdeveloper.security.secrets.SecretCache}, through which consumers read the CURRENT
 * value. Rotation is in {@link dev.tdeveloper.security.secrets.rotation}.
 */
package dev.tdeveloper.security.secrets;
