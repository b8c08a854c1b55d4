package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.backend.redis.RedisCacheInvalidation;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances reading one shared registry through their own caches, invalidated over a real
 * Redis: a change made through one reaches the other, and only for the tenant it names.
 */
@ExtendWith(LocalRedisExtension.class)
class CachedTenantRegistryTest {
  private static final TenantId HOOLI = TenantId.of("hooli");
  private static final TenantId ACME = TenantId.of("acme");

  private final InMemoryTenantRegistry shared = new InMemoryTenantRegistry();
  private final CountDownLatch hooliDroppedOnB = new CountDownLatch(1);
  private DemoRedis redisA;
  private DemoRedis redisB;
  private RedisCacheInvalidation<String, Tenant> cacheB;
  private CachedTenantRegistry a;
  private CachedTenantRegistry b;

  @BeforeEach
  void open(URI redis) {
    DemoBackendOptions.Redis options = new DemoBackendOptions.Redis(redis + "/13");
    redisA = new DemoRedis(options, new ManualClock());
    redisB = new DemoRedis(options, new ManualClock());
    a =
        new CachedTenantRegistry(
            shared, redisA.shared("tenants", DemoBackends.tenantCache(e -> {})));
    cacheB =
        redisB.shared(
            "tenants",
            DemoBackends.tenantCache(
                event -> {
                  if (event instanceof TenantCacheEvent.Dropped dropped
                      && dropped.tenant().equals(HOOLI)) {
                    hooliDroppedOnB.countDown();
                  }
                }));
    b = new CachedTenantRegistry(shared, cacheB);
    for (TenantId id : new TenantId[] {HOOLI, ACME}) {
      shared.create(Tenant.builder(id.value()).status(TenantStatus.ACTIVE).build());
    }
  }

  @AfterEach
  void close() {
    redisA.close();
    redisB.close();
  }

  @Test
  void aSuspensionThroughOneInstanceReachesTheOthersCacheOnlyForThatTenant() throws Exception {
    assertThat(b.find(HOOLI).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(b.find(ACME)).isPresent();
    assertThat(cacheB.estimatedSize(HOOLI)).isEqualTo(1);

    a.update(HOOLI, t -> t.toBuilder().status(TenantStatus.SUSPENDED).build());

    assertThat(hooliDroppedOnB.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(b.find(HOOLI).orElseThrow().status()).isEqualTo(TenantStatus.SUSPENDED);
    assertThat(cacheB.estimatedSize(ACME)).isEqualTo(1);
  }

  @Test
  void readsAreServedFromTheCacheUntilInvalidated() {
    assertThat(b.find(HOOLI).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    // A change that bypasses the cached registries is not seen until an invalidation.
    shared.update(HOOLI, t -> t.toBuilder().status(TenantStatus.SUSPENDED).build());
    assertThat(b.find(HOOLI).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    cacheB.invalidateTenant(HOOLI);
    assertThat(b.find(HOOLI).orElseThrow().status()).isEqualTo(TenantStatus.SUSPENDED);
  }

  @Test
  void unknownTenantsAreNeverCached() {
    TenantId nobody = TenantId.of("nobody");
    assertThat(b.find(nobody)).isEmpty();
    assertThat(cacheB.estimatedSize(nobody)).isZero();
  }
}
