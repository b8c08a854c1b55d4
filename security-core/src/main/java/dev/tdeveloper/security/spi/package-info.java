/**
 * What a backend implements: {@link dev.tdeveloper.security.spi.RateLimiterStore} holds rate-limit
 * state outside the process (Redis, ...), one atomic round trip per decision; {@link
 * dev.tdeveloper.security.spi.CertificateIssuer} issues TLS certificates (a local development CA,
 * ACME, AWS Private CA). Each has a {@code *Provider} for {@link java.util.ServiceLoader}.
 */
package dev.tdeveloper.security.spi;
