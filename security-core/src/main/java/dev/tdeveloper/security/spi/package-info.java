/**
 * What a backend implements to hold rate-limit state outside the process (Redis, ...): {@link
 * dev.tdeveloper.security.spi.RateLimiterStore}, one atomic round trip per decision, and its {@link
 * dev.tdeveloper.security.spi.RateLimiterStoreProvider} for {@link java.util.ServiceLoader}.
 */
package dev.tdeveloper.security.spi;
