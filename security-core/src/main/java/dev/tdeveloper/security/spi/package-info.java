/**
 * What a backend implements to hold state outside the process: {@link
 * dev.tdeveloper.security.spi.RateLimiterStore} (rate-limit state, one atomic round trip per
 * decision) and {@link dev.tdeveloper.security.spi.KeyManager} (versioned per-tenant key encryption
 * keys), each with a provider for {@link java.util.ServiceLoader}.
 */
package dev.tdeveloper.security.spi;
