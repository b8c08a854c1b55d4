/**
 * What a backend implements to hold state outside the process: {@link
 * dev.tdeveloper.security.spi.RateLimiterStore} (rate-limit state, one atomic round trip per
 * decision), {@link dev.tdeveloper.security.spi.KeyManager} (versioned per-tenant key encryption
 * keys), {@link dev.tdeveloper.security.spi.SecretStore} (versioned secrets with compare-and-set
 * staging labels, shaped after AWS Secrets Manager) and {@link
 * dev.tdeveloper.security.spi.CertificateIssuer} (TLS certificates: a local development CA, ACME,
 * AWS Private CA), each with a {@code *Provider} for {@link java.util.ServiceLoader}, and {@link
 * dev.tdeveloper.security.spi.RotationTarget} (the system whose credential a secret rotation
 * changes).
 */
package dev.tdeveloper.security.spi;
