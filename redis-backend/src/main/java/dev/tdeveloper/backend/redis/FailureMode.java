package dev.tdeveloper.backend.redis;

/**
 * What a Redis-backed store answers while Redis cannot: the server is down or unreachable, a
 * command timed out, or the circuit breaker in front of it is open. A closed store always throws,
 * whatever its mode.
 */
public enum FailureMode {
  /**
   * Throw the store's exception, as the SPI specifies; the caller decides (a store-backed {@code
   * RateLimiter} built with fail-open allows, otherwise it throws). The default.
   */
  THROW,

  /**
   * Allow: answer as a key without state would be answered, so traffic flows unlimited until Redis
   * is back. Availability first.
   */
  FAIL_OPEN,

  /**
   * Deny: answer a denial whose retry-after is the time until the circuit breaker tries Redis
   * again. Protection of what lies behind first.
   */
  FAIL_CLOSED,

  /**
   * Decide in an in-process store on this instance, so each instance enforces the limits alone (a
   * cluster of n instances admits up to n times the limit) until Redis is back; the local state is
   * not carried over to Redis.
   */
  LOCAL_FALLBACK
}
