package dev.tdeveloper.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaStoreConfig;
import dev.tdeveloper.tenancy.spi.QuotaStoreException;
import dev.tdeveloper.tenancy.spi.QuotaStoreProvider;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the quota contract does not say: key layout, server-side expiry, the provider. */
@ExtendWith(LocalRedisExtension.class)
class RedisQuotaStoreTest {
  private static TestClient redis;
  private final TenantId tenant = TenantId.of("t" + UUID.randomUUID().toString().substring(0, 8));

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Test
  void countersLiveUnderTheTenantHashTagAndLeaveTheServerAfterTheirWindow() {
    Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    QuotaKey key = new QuotaKey(tenant, "api-calls", start);
    try (RedisQuotaStore store = RedisQuotaStore.builder(redis.client).build()) {
      String redisKey = store.redisKey(key);
      assertThat(redisKey).isEqualTo("tdev:quota:{" + tenant.value() + "}/api-calls/" + start);
      Instant end = Instant.now().plusSeconds(30);
      assertThat(store.tryAdd(key, 3, 10, end)).isEqualTo(new QuotaAddResult.Added(3));
      long expected = end.plusSeconds(RedisQuotaStore.GRACE_SECONDS).toEpochMilli() + 1;
      assertThat(redis.redis().pexpiretime(redisKey)).isEqualTo(expected);
      assertThat(store.tryAdd(key, 2, 10, end.plusSeconds(600)))
          .isEqualTo(new QuotaAddResult.Added(5));
      assertThat(redis.redis().pexpiretime(redisKey))
          .as("a later add keeps the window the counter was created with")
          .isEqualTo(expected);
      assertThat(store.subtract(key, 1)).isEqualTo(4);
      assertThat(redis.redis().pexpiretime(redisKey)).isEqualTo(expected);

      Instant ended = Instant.now().minusSeconds(1);
      QuotaKey old = new QuotaKey(tenant, "api-calls", ended.minusSeconds(3600));
      assertThat(store.tryAdd(old, 1, 10, ended)).isEqualTo(new QuotaAddResult.Added(1));
      assertThat(redis.redis().exists(store.redisKey(old))).isZero();
    }
  }

  @Test
  void exactForCountersBeyondTwoToTheFiftyThird() {
    ManualClock clock = new ManualClock(Instant.now());
    QuotaKey key = new QuotaKey(tenant, "bytes", clock.instant());
    Instant end = clock.instant().plusSeconds(3600);
    long big = (1L << 53) + 1;
    try (RedisQuotaStore store = RedisQuotaStore.builder(redis.client).clock(clock).build()) {
      assertThat(store.tryAdd(key, big, Long.MAX_VALUE, end))
          .isEqualTo(new QuotaAddResult.Added(big));
      assertThat(store.tryAdd(key, 2, big + 1, end)).isEqualTo(new QuotaAddResult.Rejected(big));
      assertThat(store.tryAdd(key, 1, big + 1, end)).isEqualTo(new QuotaAddResult.Added(big + 1));
      assertThat(store.subtract(key, 999_999_999L)).isEqualTo(big + 1 - 999_999_999L);
      assertThat(store.used(key)).isEqualTo(big + 1 - 999_999_999L);
    }
  }

  @Test
  void aClosedStoreThrowsTheStoreException() {
    RedisQuotaStore store = RedisQuotaStore.builder(redis.client).build();
    store.close();
    store.close();
    QuotaKey key = new QuotaKey(tenant, "api-calls", Instant.now());
    assertThatThrownBy(() -> store.tryAdd(key, 1, 1, Instant.now().plusSeconds(1)))
        .isInstanceOf(QuotaStoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.used(key)).isInstanceOf(QuotaStoreException.class);
  }

  @Test
  void theProviderIsFoundByNameAndRejectsItsUnknownProperties(URI uri) {
    QuotaStoreProvider provider =
        ProviderSelector.select(QuotaStoreProvider.class, Optional.of("redis"), "redis-backend");
    assertThat(provider).isInstanceOf(RedisQuotaStoreProvider.class);
    QuotaStore store =
        provider.create(
            new QuotaStoreConfig(
                InstantSource.system(),
                Map.of(
                    "redis.uri", uri.toString(),
                    "redis.key-prefix", "provided-quota:",
                    "redis.command-timeout", "10s",
                    "file.directory", "/ignored/by/this/backend")));
    try {
      QuotaKey key = new QuotaKey(tenant, "api-calls", Instant.now());
      assertThat(store.tryAdd(key, 2, 2, Instant.now().plus(Duration.ofMinutes(1))))
          .isEqualTo(new QuotaAddResult.Added(2));
      assertThat(((RedisQuotaStore) store).redisKey(key)).startsWith("provided-quota:{");
      assertThat(redis.redis().exists(((RedisQuotaStore) store).redisKey(key))).isOne();
    } finally {
      ((RedisQuotaStore) store).close();
    }
    assertThatThrownBy(
            () ->
                provider.create(
                    new QuotaStoreConfig(
                        InstantSource.system(),
                        Map.of("redis.uri", uri.toString(), "redis.url", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no setting 'redis.url'");
    assertThatThrownBy(() -> provider.create(QuotaStoreConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis.uri");
  }
}
