package dev.tdeveloper.security.testkit;

import dev.tdeveloper.security.spi.RateLimiterStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link RateLimiterStore} handed to {@link RateLimiterStoreContract}, with control of the clock
 * it decides by and a view of how long it keeps a key's state. Immutable.
 *
 * @param store the store, new and empty
 * @param advance moves the store's clock forward
 * @param timeToLive how long the store keeps a key's state if untouched; empty when it keeps none
 */
public record StoreUnderTest(
    RateLimiterStore store,
    Consumer<Duration> advance,
    Function<String, Optional<Duration>> timeToLive) {
  /** Validates the fields. */
  public StoreUnderTest {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(advance, "advance");
    Objects.requireNonNull(timeToLive, "timeToLive");
  }
}
