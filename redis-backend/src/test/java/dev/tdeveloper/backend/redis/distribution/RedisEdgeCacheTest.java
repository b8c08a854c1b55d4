package dev.tdeveloper.backend.redis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.redis.TestClient;
import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.edge.CachedResponse;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Redis edge cache adds to the contract: byte budgets, key layout, stored format. */
@ExtendWith(LocalRedisExtension.class)
class RedisEdgeCacheTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Duration TTL = Duration.ofMinutes(5);

  private static TestClient redis;
  private final ManualClock clock = new ManualClock();

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  private RedisEdgeCache cache(String prefix, int maxEntries, long maxBytes) {
    return RedisEdgeCache.builder(redis.client)
        .clock(clock)
        .keyPrefix(prefix)
        .maxEntriesPerTenant(maxEntries)
        .maxBytesPerTenant(maxBytes)
        .commandTimeout(Duration.ofSeconds(30))
        .build();
  }

  private static CachedResponse sized(int bytes) {
    return new CachedResponse(200, Map.of(), new byte[bytes]);
  }

  private static long storedBytes(String prefix, TenantId tenant) {
    String bytes = redis.redis().hget(prefix + "{" + tenant.value() + "}:meta", "bytes");
    return bytes == null ? 0 : Long.parseLong(bytes);
  }

  @Test
  void oneTenantsByteFloodNeverEvictsAnothersEntriesAndStaysWithinItsBudget() {
    String prefix = TestClient.freshPrefix("edge");
    try (RedisEdgeCache cache = cache(prefix, 10_000, 10_000)) {
      for (int i = 0; i < 5; i++) {
        cache.put(GLOBEX, "g" + i, sized(1_000), TTL, Set.of("t-globex"));
      }
      for (int i = 0; i < 200; i++) {
        cache.put(ACME, "flood" + i, sized(1_000), TTL, Set.of("t-acme"));
        assertThat(storedBytes(prefix, ACME)).isLessThanOrEqualTo(10_000);
      }
      for (int i = 0; i < 5; i++) {
        assertThat(cache.get(GLOBEX, "g" + i)).as("globex entry %d", i).contains(sized(1_000));
      }
      assertThat(cache.get(ACME, "flood199")).contains(sized(1_000));
      assertThat(cache.get(ACME, "flood0")).as("acme's own oldest went first").isEmpty();
      assertThat(cache.purge(ACME, "t-acme")).isBetween(1, 9);
      assertThat(storedBytes(prefix, ACME)).isZero();
      assertThat(storedBytes(prefix, GLOBEX)).isPositive();
    }
  }

  @Test
  void concurrentPutsKeepOneTenantsAccountsExactAndWithinBudget() throws Exception {
    String prefix = TestClient.freshPrefix("edge");
    String base = prefix + "{acme}:";
    try (RedisEdgeCache cache = cache(prefix, 40, 20_000)) {
      Concurrently.run(
          4,
          thread -> {
            Random random = new Random(42 + thread);
            for (int i = 0; i < 150; i++) {
              String key = "k" + random.nextInt(80);
              Set<String> tags = Set.of("t" + random.nextInt(5), "all");
              cache.put(ACME, key, sized(random.nextInt(1_500)), TTL, tags);
              if (i % 40 == 0) {
                cache.purge(ACME, "t" + random.nextInt(5));
              }
            }
          });
      Map<String, String> info = redis.redis().hgetall(base + "info");
      assertThat(redis.redis().zcard(base + "ord")).isEqualTo(info.size());
      assertThat(redis.redis().zcard(base + "exp")).isEqualTo(info.size());
      assertThat(redis.redis().keys(base + "e:*")).hasSize(info.size());
      assertThat(info.size()).isLessThanOrEqualTo(40);
      long stored = storedBytes(prefix, ACME);
      assertThat(stored).isLessThanOrEqualTo(20_000);
      long summed = 0;
      for (String key : info.keySet()) {
        summed += redis.redis().strlen(base + "e:" + key) + key.length();
      }
      assertThat(stored).as("the byte counter is the sum of the entries").isEqualTo(summed);
      assertThat(redis.redis().smembers(base + "t:all"))
          .containsExactlyInAnyOrderElementsOf(info.keySet());
    }
  }

  @Test
  void declinesAResponseLargerThanTheWholeBudgetWithoutEvictingAnything() {
    try (RedisEdgeCache cache = cache(TestClient.freshPrefix("edge"), 100, 5_000)) {
      cache.put(ACME, "small", sized(100), TTL, Set.of());
      cache.put(ACME, "huge", sized(6_000), TTL, Set.of());
      assertThat(cache.get(ACME, "huge")).isEmpty();
      assertThat(cache.get(ACME, "small")).contains(sized(100));
    }
  }

  @Test
  void replacingAnEntryKeepsTheAccountsExact() {
    String prefix = TestClient.freshPrefix("edge");
    try (RedisEdgeCache cache = cache(prefix, 100, 1_000_000)) {
      cache.put(ACME, "k", sized(500), TTL, Set.of("old-tag"));
      long one = storedBytes(prefix, ACME);
      cache.put(ACME, "k", sized(500), TTL, Set.of("new-tag"));
      assertThat(storedBytes(prefix, ACME)).isEqualTo(one);
      assertThat(cache.purge(ACME, "old-tag")).as("the old tags went with the old entry").isZero();
      assertThat(cache.purge(ACME, "new-tag")).isEqualTo(1);
      assertThat(storedBytes(prefix, ACME)).isZero();
    }
  }

  @Test
  void storesBodiesAndHeadersByteForByte() {
    byte[] body = new byte[256];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    CachedResponse response =
        new CachedResponse(
            203,
            Map.of("Content-Type", List.of("application/octet-stream"), "X-Note", List.of("ü", "")),
            body);
    try (RedisEdgeCache cache = cache(TestClient.freshPrefix("edge"), 100, 1_000_000)) {
      cache.put(ACME, "bin/ünï\u0000code", response, TTL, Set.of("tag with spaces", "\"q\""));
      assertThat(cache.get(ACME, "bin/ünï\u0000code")).contains(response);
      assertThat(cache.purge(ACME, "\"q\"")).isEqualTo(1);
    }
  }

  @Test
  void everyKeyCarriesTheTenantAsItsHashTagAndExpiresOnTheServer() {
    String prefix = TestClient.freshPrefix("edge");
    try (RedisEdgeCache cache = cache(prefix, 100, 1_000_000)) {
      cache.put(ACME, "k", sized(10), Duration.ofSeconds(90), Set.of("t1", "t2"));
      List<String> keys = redis.redis().keys(prefix + "*");
      assertThat(keys).hasSize(7).allMatch(k -> k.startsWith(prefix + "{acme}:"));
      for (String key : keys) {
        assertThat(redis.redis().pttl(key)).as(key).isBetween(1L, 90_000L);
      }
    }
  }

  @Test
  void purgeCountsOnlyEntriesStillFresh() {
    try (RedisEdgeCache cache = cache(TestClient.freshPrefix("edge"), 100, 1_000_000)) {
      cache.put(ACME, "short", sized(1), Duration.ofSeconds(10), Set.of("t"));
      cache.put(ACME, "long", sized(1), Duration.ofSeconds(100), Set.of("t"));
      clock.advance(Duration.ofSeconds(30));
      assertThat(cache.purge(ACME, "t")).isEqualTo(1);
      assertThat(cache.purgeTenant(ACME)).isZero();
    }
  }

  @Test
  void aMalformedStoredEntryIsAnErrorNamingItsKey() {
    String prefix = TestClient.freshPrefix("edge");
    try (RedisEdgeCache cache = cache(prefix, 100, 1_000_000)) {
      redis.redis().set(prefix + "{acme}:e:k", "not an entry");
      assertThatThrownBy(() -> cache.get(ACME, "k"))
          .isInstanceOf(DistributionException.class)
          .hasMessageContaining(prefix + "{acme}:e:k");
    }
  }

  @Test
  void builderRejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> RedisEdgeCache.builder(redis.client).maxEntriesPerTenant(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntriesPerTenant is 0");
    assertThatThrownBy(() -> RedisEdgeCache.builder(redis.client).maxBytesPerTenant(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBytesPerTenant is -1");
    assertThatThrownBy(() -> RedisEdgeCache.builder(redis.client).keyPrefix("has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'has space'");
    assertThatThrownBy(() -> RedisEdgeCache.builder(redis.client).clock(clock).clock(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clock");
  }

  @Test
  void badArgumentsChangeNothing() {
    String prefix = TestClient.freshPrefix("edge");
    try (RedisEdgeCache cache = cache(prefix, 100, 1_000_000)) {
      assertThatThrownBy(() -> cache.put(ACME, "k", sized(1), Duration.ofSeconds(-1), Set.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PT-1S");
      assertThatThrownBy(() -> cache.put(ACME, null, sized(1), TTL, Set.of()))
          .isInstanceOf(NullPointerException.class);
      assertThat(redis.redis().keys(prefix + "*")).isEmpty();
    }
  }

  @Test
  void tenantsNeverShareAnEntry() {
    try (RedisEdgeCache cache = cache(TestClient.freshPrefix("edge"), 100, 1_000_000)) {
      cache.put(
          ACME,
          "same",
          new CachedResponse(200, Map.of(), "a".getBytes(StandardCharsets.UTF_8)),
          TTL,
          Set.of());
      assertThat(cache.get(GLOBEX, "same")).isEmpty();
      assertThat(cache.purgeTenant(GLOBEX)).isZero();
      assertThat(cache.get(ACME, "same")).isPresent();
    }
  }
}
