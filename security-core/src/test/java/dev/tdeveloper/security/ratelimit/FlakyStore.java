package dev.tdeveloper.security.ratelimit;

import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.StoreDecision;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** A store that delegates, counts calls, and fails or tampers with answers on demand. */
final class FlakyStore implements RateLimiterStore {
  final RateLimiterStore delegate;
  final AtomicInteger decisions = new AtomicInteger();
  final AtomicInteger givenBack = new AtomicInteger();
  final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  final AtomicReference<UnaryOperator<StoreDecision>> tamper =
      new AtomicReference<>(UnaryOperator.identity());
  private final boolean counts;

  FlakyStore(RateLimiterStore delegate, boolean counts) {
    this.delegate = delegate;
    this.counts = counts;
  }

  private void maybeFail() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  @Override
  public StoreDecision tryAcquire(String key, PolicySpec spec, long permits, long maxWaitNanos) {
    decisions.incrementAndGet();
    maybeFail();
    return tamper.get().apply(delegate.tryAcquire(key, spec, permits, maxWaitNanos));
  }

  @Override
  public void giveBack(String key, PolicySpec spec, long permits) {
    givenBack.incrementAndGet();
    maybeFail();
    delegate.giveBack(key, spec, permits);
  }

  @Override
  public OptionalLong estimatedKeys() {
    maybeFail();
    return counts ? delegate.estimatedKeys() : OptionalLong.empty();
  }

  @Override
  public void cleanUp() {
    maybeFail();
    delegate.cleanUp();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
