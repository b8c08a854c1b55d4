package dev.tdeveloper.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalRedisExtension.class)
class RedisRateLimiterStoreProviderTest {
  private static final PolicySpec PRO =
      PolicySpec.of(RateLimitPolicy.of("pro", Bandwidth.of(2).refilling(1, Duration.ofMinutes(1))));

  @Test
  void isFoundByNameAndDecidesOnTheServerAtTheUri(URI uri) {
    try (RateLimiterStore store =
        RateLimiterStore.fromProviders(
            Optional.of("redis"),
            Map.of(
                "uri", uri.toString(),
                "key-prefix", "provided:",
                "command-timeout", "30s",
                "failure-mode", "fail-closed",
                "failure-threshold", "3",
                "breaker-delay", "PT1S"))) {
      assertThat(store).isInstanceOf(RedisRateLimiterStore.class);
      RedisRateLimiterStore redis = (RedisRateLimiterStore) store;
      assertThat(redis.failureMode()).isEqualTo(FailureMode.FAIL_CLOSED);
      String tenant = "t" + UUID.randomUUID();
      assertThat(redis.redisKey(tenant)).isEqualTo("provided:{" + tenant + "}");
      assertThat(store.tryAcquire(tenant, PRO, 2, 0).allowed()).isTrue();
      assertThat(store.tryAcquire(tenant, PRO, 1, 0).allowed()).isFalse();
    }
  }

  @Test
  void aClosedProvidedStoreThrowsWhateverItsMode(URI uri) {
    RateLimiterStore store =
        new RedisRateLimiterStoreProvider()
            .create(Map.of("uri", uri.toString(), "failure-mode", "fail-open"));
    store.close();
    assertThatThrownBy(() -> store.tryAcquire("acme", PRO, 1, 0))
        .isInstanceOf(RateLimiterStoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void rejectsUnknownMissingAndInvalidSettings() {
    RedisRateLimiterStoreProvider provider = new RedisRateLimiterStoreProvider();
    assertThat(provider.name()).isEqualTo("redis");
    assertThatThrownBy(() -> provider.create(Map.of("uri", "redis://localhost", "url", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no setting 'url'")
        .hasMessageContaining("uri");
    assertThatThrownBy(() -> provider.create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the setting uri");
    assertThatThrownBy(() -> provider.create(Map.of("uri", "http://nowhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uri is not a Redis URI");
    assertThatThrownBy(
            () -> provider.create(Map.of("uri", "redis://localhost", "failure-mode", "maybe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "failure-mode must be throw, fail-open, fail-closed or local-fallback")
        .hasMessageContaining("'maybe'");
    assertThatThrownBy(
            () -> provider.create(Map.of("uri", "redis://localhost", "command-timeout", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command-timeout must be a duration");
    assertThatThrownBy(
            () -> provider.create(Map.of("uri", "redis://localhost", "failure-threshold", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failure-threshold must be a whole number from 1 to 1000, was 'x'");
    assertThatThrownBy(
            () -> provider.create(Map.of("uri", "redis://localhost", "key-prefix", "{x}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyPrefix");
  }
}
