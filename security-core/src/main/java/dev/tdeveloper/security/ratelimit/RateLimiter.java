package dev.tdeveloper.security.ratelimit;

import java.time.Duration;

/**
 * Limits how often each key (a tenant, a tenant and route, an API key) may act, by a {@link
 * RateLimitPolicy} per key. The local implementation ({@link #builder()}) runs the generic cell
 * rate algorithm: per bandwidth it keeps one theoretical arrival time (TAT); a request of {@code n}
 * permits at time {@code now} is allowed when {@code max(TAT, now) + n*T - now <= capacity*T}, and
 * then moves the TAT there. This is exact — over any interval of length {@code d} no key is granted
 * more than {@code capacity + d/T} permits, however many threads call — and each decision is one
 * compare-and-set per bandwidth, with no lock and no allocation on the allowed path of {@link
 * #tryConsume}.
 *
 * <p>A limiter built with {@link RateLimiterBuilder#store} runs the same algorithm inside a shared
 * {@link dev.tdeveloper.security.spi.RateLimiterStore} (Redis, ...), one round trip per decision,
 * so all instances of a service enforce one limit; see the builder for its failure modes.
 *
 * <p>Implementations are thread-safe.
 *
 * @param <K> the key type; keys must have value semantics ({@code equals}/{@code hashCode})
 */
public interface RateLimiter<K> {
  /**
   * Returns a builder of a rate limiter: local (in-process) by default, or sharing its state
   * through a {@link dev.tdeveloper.security.spi.RateLimiterStore} given to {@link
   * RateLimiterBuilder#store}.
   */
  static <K> RateLimiterBuilder<K> builder() {
    return new RateLimiterBuilder<>();
  }

  /**
   * Takes {@code permits} for {@code key} if its policy allows them now; otherwise takes nothing.
   *
   * @return {@link RateLimitDecision.Allowed} or {@link RateLimitDecision.Denied}, with the figures
   *     the {@code RateLimit-*} headers need
   * @throws IllegalArgumentException if {@code permits} is below 1 or above the policy's smallest
   *     capacity (such a request could never pass)
   */
  RateLimitDecision tryAcquire(K key, long permits);

  /**
   * Like {@link #tryAcquire} but answers only whether the permits were taken: allocation-free, for
   * callers that need no figures.
   */
  boolean tryConsume(K key, long permits);

  /**
   * Takes {@code permits} for {@code key}, waiting up to {@code maxWait} for them: the permits are
   * reserved at once (so waiters are served in order) and the call returns when they are due. When
   * they would be due later than {@code maxWait}, nothing is reserved and the answer is {@link
   * RateLimitDecision.Denied}. If the thread is interrupted while waiting, the reservation is given
   * back.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  RateLimitDecision acquire(K key, long permits, Duration maxWait) throws InterruptedException;

  /** Returns the policy that applies to {@code key}. */
  RateLimitPolicy policyFor(K key);

  /**
   * Resolves the policy of every key held again (after a configuration reload) and converts each
   * key's state so the permits it has consumed carry over to the new policy.
   *
   * @return the number of keys whose policy changed
   */
  int refreshPolicies();

  /**
   * Returns the number of keys currently holding state (an estimate while other threads work), or
   * -1 when the limiter's store cannot tell.
   */
  long estimatedKeys();

  /**
   * Drops the state of every key whose buckets are full (it carries no information). A store whose
   * state expires by itself has nothing to do.
   */
  void cleanUp();
}
