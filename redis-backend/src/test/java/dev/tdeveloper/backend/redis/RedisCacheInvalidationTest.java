package dev.tdeveloper.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedis;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import io.lettuce.core.KillArgs;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances, each with its own local cache and its own client (so its own connections), sharing
 * invalidations through the real server.
 */
@ExtendWith(LocalRedisExtension.class)
class RedisCacheInvalidationTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private TestClient firstClient;
  private TestClient secondClient;
  private RedisCacheInvalidation<String, String> first;
  private RedisCacheInvalidation<String, String> second;
  private String channel;

  @BeforeEach
  void startTwoInstances(URI uri) {
    firstClient = new TestClient(uri);
    secondClient = new TestClient(uri);
    channel = "tdev:cache:" + UUID.randomUUID();
    first = RedisCacheInvalidation.builder(firstClient.client, channel).build(newCache());
    second = RedisCacheInvalidation.builder(secondClient.client, channel).build(newCache());
    for (RedisCacheInvalidation<String, String> instance : List.of(first, second)) {
      for (TenantId tenant : List.of(ACME, GLOBEX)) {
        instance.put(tenant, "k", tenant.value() + "-k");
        instance.put(tenant, "other", tenant.value() + "-other");
      }
    }
  }

  @AfterEach
  void stop() {
    first.close();
    second.close();
    firstClient.close();
    secondClient.close();
  }

  private static TenantScopedCache<String, String> newCache() {
    return TenantScopedCache.builder().maximumEntriesPerTenant(100).executor(Runnable::run).build();
  }

  @Test
  void anInvalidationOnOneInstanceEvictsOnTheOther() {
    first.invalidate(ACME, "k");
    assertThat(first.getIfPresent(ACME, "k")).isEmpty();
    awaitApplied(second, 1);
    assertThat(second.getIfPresent(ACME, "k")).isEmpty();
    assertThat(second.getIfPresent(ACME, "other")).contains("acme-other");
  }

  @Test
  void oneTenantsInvalidationNeverTouchesAnotherTenantsEntries() {
    first.invalidate(ACME, "k");
    first.invalidateTenant(ACME);
    awaitApplied(second, 2);
    for (RedisCacheInvalidation<String, String> instance : List.of(first, second)) {
      assertThat(instance.getIfPresent(ACME, "k")).isEmpty();
      assertThat(instance.getIfPresent(ACME, "other")).isEmpty();
      assertThat(instance.getIfPresent(GLOBEX, "k")).contains("globex-k");
      assertThat(instance.getIfPresent(GLOBEX, "other")).contains("globex-other");
    }
  }

  @Test
  void aTenantsViewPublishesItsInvalidations() {
    second.forTenant(GLOBEX).invalidate("other");
    awaitApplied(first, 1);
    assertThat(first.getIfPresent(GLOBEX, "other")).isEmpty();
    assertThat(first.getIfPresent(GLOBEX, "k")).contains("globex-k");
    assertThat(first.getIfPresent(ACME, "other")).contains("acme-other");
  }

  @Test
  void anInstanceIgnoresItsOwnMessages() {
    first.invalidate(ACME, "k");
    first.put(ACME, "k", "fresh");
    // Once first has applied second's later message, it has received its own earlier one too.
    second.invalidate(GLOBEX, "other");
    awaitApplied(first, 1);
    assertThat(first.appliedRemoteInvalidations()).isEqualTo(1);
    assertThat(first.getIfPresent(ACME, "k")).contains("fresh");
    assertThat(second.appliedRemoteInvalidations()).isEqualTo(1);
  }

  @Test
  void typedKeysTravelThroughTheCodec(URI uri) {
    try (TestClient a = new TestClient(uri);
        TestClient b = new TestClient(uri);
        RedisCacheInvalidation<Long, String> one =
            RedisCacheInvalidation.builder(a.client, channel + ":typed")
                .build(
                    TenantScopedCache.builder().maximumEntriesPerTenant(10).build(),
                    String::valueOf,
                    Long::valueOf);
        RedisCacheInvalidation<Long, String> two =
            RedisCacheInvalidation.builder(b.client, channel + ":typed")
                .commandTimeout(Duration.ofSeconds(5))
                .build(
                    TenantScopedCache.builder().maximumEntriesPerTenant(10).build(),
                    String::valueOf,
                    Long::valueOf)) {
      two.put(ACME, 42L, "answer");
      two.put(ACME, 43L, "next");
      one.invalidate(ACME, 42L);
      awaitApplied(two, 1);
      assertThat(two.getIfPresent(ACME, 42L)).isEmpty();
      assertThat(two.getIfPresent(ACME, 43L)).contains("next");
    }
  }

  @Test
  void malformedMessagesAreIgnored() {
    firstClient.redis().publish(channel, "garbage");
    firstClient.redis().publish(channel, "someone\nT\nNot A Tenant!");
    firstClient.redis().publish(channel, "someone\nX\nacme\nk");
    first.invalidate(ACME, "k");
    awaitApplied(second, 1);
    assertThat(second.getIfPresent(ACME, "k")).isEmpty();
    assertThat(second.getIfPresent(ACME, "other")).contains("acme-other");
    assertThat(second.appliedRemoteInvalidations()).isEqualTo(1);
  }

  @Test
  void aLostSubscriptionDropsTheSeenTenantsOnceSubscribedAgain() {
    // Invalidations published while an instance is not subscribed never reach it.
    firstClient.redis().clientKill(KillArgs.Builder.typePubsub());
    await(() -> second.estimatedSize(ACME) == 0 && second.estimatedSize(GLOBEX) == 0);
    await(() -> first.estimatedSize(ACME) == 0);
    second.put(ACME, "k", "reloaded");
    first.invalidate(ACME, "k");
    awaitApplied(second, 1);
    assertThat(second.getIfPresent(ACME, "k")).isEmpty();
  }

  @Test
  void failsToBuildWhenRedisIsDownAndToPublishWhenItGoesDown() {
    try (LocalRedis own = LocalRedis.startNew();
        TestClient client = new TestClient(own.uri())) {
      RedisCacheInvalidation<String, String> instance =
          RedisCacheInvalidation.builder(client.client, channel)
              .commandTimeout(Duration.ofMillis(500))
              .build(newCache());
      instance.put(ACME, "k", "v");
      own.stop();
      assertThatThrownBy(() -> instance.invalidate(ACME, "k"))
          .isInstanceOf(CacheInvalidationException.class)
          .hasMessageContaining(channel);
      assertThat(instance.getIfPresent(ACME, "k")).as("applied locally").isEmpty();
      instance.close();
      assertThatThrownBy(
              () -> RedisCacheInvalidation.builder(client.client, channel).build(newCache()))
          .isInstanceOf(CacheInvalidationException.class)
          .hasMessageContaining(channel);
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> RedisCacheInvalidation.builder(firstClient.client, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channel");
    assertThatThrownBy(() -> RedisCacheInvalidation.builder(null, "c"))
        .isInstanceOf(NullPointerException.class);
    RedisCacheInvalidationBuilder builder =
        RedisCacheInvalidation.builder(firstClient.client, "c")
            .commandTimeout(Duration.ofSeconds(1));
    assertThatThrownBy(() -> builder.commandTimeout(Duration.ofSeconds(2)))
        .isInstanceOf(IllegalStateException.class);
  }

  private static void awaitApplied(RedisCacheInvalidation<?, ?> instance, long count) {
    await(() -> instance.appliedRemoteInvalidations() >= count);
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 10 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
