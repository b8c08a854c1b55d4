/**
 * A servlet filter enforcing per-tenant (and per-route) rate limits with a security-core {@link
 * dev.tdeveloper.security.ratelimit.RateLimiter}, answering with the {@code RateLimit-*} headers on
 * every response and an RFC 9457 problem with {@code Retry-After} when a limit is reached.
 */
package dev.tdeveloper.web.ratelimit;
