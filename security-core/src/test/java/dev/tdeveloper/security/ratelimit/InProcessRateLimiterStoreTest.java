package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.testkit.RateLimiterStoreContract;
import dev.tdeveloper.security.testkit.StoreUnderTest;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessRateLimiterStoreTest extends RateLimiterStoreContract {
  private final ManualClock clock = new ManualClock();
  private final PolicySpec hourly =
      PolicySpec.of(RateLimitPolicy.of("ip", Bandwidth.simple(100, Duration.ofHours(1))));

  @Override
  protected StoreUnderTest create() {
    InProcessRateLimiterStore inProcess = new InProcessRateLimiterStore(clock);
    return new StoreUnderTest(inProcess, clock::advance, inProcess::timeToLive);
  }

  @Override
  protected Duration expiryGranularity() {
    return Duration.ZERO;
  }

  @Test
  void cleanUpDropsFullKeysAndEstimatedKeysCountsTheRest() {
    assertThat(store.tryAcquire("a", pro, 20, 0).allowed()).isTrue();
    assertThat(store.tryAcquire("b", pro, 1, 0).allowed()).isTrue();
    assertThat(store.estimatedKeys()).hasValue(2);
    clock.advance(Duration.ofMillis(100));
    store.cleanUp();
    assertThat(store.estimatedKeys()).hasValue(1);
    assertThat(store.tryAcquire("a", pro, 2, 0).allowed()).as("a kept its debt").isFalse();
  }

  @Test
  void aKeyFloodKeepsMemoryBounded() {
    InProcessRateLimiterStore small = new InProcessRateLimiterStore(clock, 1_000);
    for (int i = 0; i < 100_000; i++) {
      assertThat(small.tryAcquire("attacker-" + i, hourly, 1, 0).allowed()).isTrue();
    }
    assertThat(small.estimatedKeys().getAsLong()).isLessThanOrEqualTo(1_000 + 64L * 4);
  }

  @Test
  void rejectsABadKeyCapAndTimeToLiveAfterClose() {
    assertThatThrownBy(() -> new InProcessRateLimiterStore(clock, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumKeys must be between 1 and 2^30, was 0");
    assertThatThrownBy(() -> new InProcessRateLimiterStore(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ticker");
    store.close();
    assertThatThrownBy(() -> ((InProcessRateLimiterStore) store).timeToLive("a"))
        .isInstanceOf(RateLimiterStoreException.class);
    assertThatThrownBy(() -> store.estimatedKeys()).isInstanceOf(RateLimiterStoreException.class);
  }

  @Test
  void isFoundByServiceLoaderUnderItsName() {
    try (RateLimiterStore found = RateLimiterStore.fromProviders(Optional.empty(), Map.of())) {
      assertThat(found).isInstanceOf(InProcessRateLimiterStore.class);
    }
    try (RateLimiterStore named =
        RateLimiterStore.fromProviders(Optional.of("in-process"), Map.of("maximum-keys", "1000"))) {
      assertThat(named.tryAcquire("a", pro, 1, 0).allowed()).isTrue();
    }
    assertThatThrownBy(() -> RateLimiterStore.fromProviders(Optional.of("redis"), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("redis")
        .hasMessageContaining("in-process");
  }

  @Test
  void providerRejectsUnknownAndInvalidSettings() {
    InProcessRateLimiterStoreProvider provider = new InProcessRateLimiterStoreProvider();
    assertThat(provider.name()).isEqualTo("in-process");
    assertThatThrownBy(() -> provider.create(Map.of("redis.uri", "redis://x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'redis.uri'")
        .hasMessageContaining("maximum-keys");
    assertThatThrownBy(() -> provider.create(Map.of("maximum-keys", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 'lots'");
    assertThatThrownBy(() -> provider.create(Map.of("maximum-keys", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }
}
