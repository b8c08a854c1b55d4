package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link RateLimiter} that counts every decision it passes on, allowed or denied, as {@code
 * tdeveloper.ratelimit.decisions} with the tags {@code outcome} ({@code allowed}, {@code denied})
 * and {@code tenant} (under the bridge's cardinality guard). The limiter's own events only report
 * denials; wrap it to see the allowed share too. Decisions and their errors are the delegate's,
 * unchanged; a registry failure never breaks a decision. Thread-safe if the delegate is.
 *
 * @param <K> the key type
 */
public final class MeteredRateLimiter<K> implements RateLimiter<K> {
  /** The meter's name: {@value}. */
  public static final String DECISIONS = "tdeveloper.ratelimit.decisions";

  private final RateLimiter<K> delegate;
  private final TdeveloperMetrics metrics;
  private final CounterFamily decisions;

  private MeteredRateLimiter(RateLimiter<K> delegate, TdeveloperMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.decisions = metrics.meters.family(DECISIONS, "Rate-limit decisions", "outcome");
  }

  /**
   * Wraps {@code limiter}; the tenant of a key is found by the bridge's {@code rateLimitTenant}
   * function, else the tenant of a {@code RateLimitKey}.
   */
  public static <K> MeteredRateLimiter<K> wrap(RateLimiter<K> limiter, TdeveloperMetrics metrics) {
    return new MeteredRateLimiter<>(
        Objects.requireNonNull(limiter, "limiter"), Objects.requireNonNull(metrics, "metrics"));
  }

  private void count(K key, boolean allowed) {
    try {
      decisions
          .counter(
              SecurityBinder.tenantOfKey(metrics.rateLimitTenant, key),
              allowed ? "allowed" : "denied")
          .increment();
    } catch (RuntimeException e) {
      metrics.meters.failed("rate-limit decision", key, e);
    }
  }

  @Override
  public RateLimitDecision tryAcquire(K key, long permits) {
    RateLimitDecision decision = delegate.tryAcquire(key, permits);
    count(key, decision.isAllowed());
    return decision;
  }

  @Override
  public boolean tryConsume(K key, long permits) {
    boolean allowed = delegate.tryConsume(key, permits);
    count(key, allowed);
    return allowed;
  }

  @Override
  public RateLimitDecision acquire(K key, long permits, Duration maxWait)
      throws InterruptedException {
    RateLimitDecision decision = delegate.acquire(key, permits, maxWait);
    count(key, decision.isAllowed());
    return decision;
  }

  @Override
  public RateLimitPolicy policyFor(K key) {
    return delegate.policyFor(key);
  }

  @Override
  public int refreshPolicies() {
    return delegate.refreshPolicies();
  }

  @Override
  public long estimatedKeys() {
    return delegate.estimatedKeys();
  }

  @Override
  public void cleanUp() {
    delegate.cleanUp();
  }

  @Override
  public String toString() {
    return "MeteredRateLimiter[" + delegate + "]";
  }
}
