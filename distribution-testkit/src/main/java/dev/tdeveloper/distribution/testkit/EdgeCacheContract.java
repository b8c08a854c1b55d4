package dev.tdeveloper.distribution.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.edge.CachedResponse;
import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EdgeCache} passes: extend it and return a new, empty cache from {@link
 * #createCache}. The kit's central promise is isolation: one tenant's cached response is never
 * served to another, and one tenant's purges and floods never remove another's entries.
 *
 * <p>A backend whose TTLs run on real time overrides {@link #elapse} to wait.
 */
public abstract class EdgeCacheContract {
  /** The per-tenant capacity the kit asks for. */
  protected static final int CAPACITY = 50;

  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Duration TTL = Duration.ofSeconds(60);

  private final ManualClock clock = new ManualClock();

  /**
   * Returns a new, empty cache whose TTLs run on {@code clock}.
   *
   * @param clock the clock the kit moves
   * @param maxEntriesPerTenant the per-tenant capacity, at least {@link #CAPACITY} entries kept
   * @return the cache
   */
  protected abstract EdgeCache createCache(ManualClock clock, int maxEntriesPerTenant);

  /**
   * Lets {@code amount} of time pass for the cache: moves the manual clock by default.
   *
   * @param clock the kit's clock
   * @param amount how much time passes
   */
  protected void elapse(ManualClock clock, Duration amount) {
    clock.advance(amount);
  }

  private EdgeCache cache() {
    return createCache(clock, CAPACITY);
  }

  /** Returns a response whose body names {@code text}. */
  protected static CachedResponse response(String text) {
    return new CachedResponse(
        200, Map.of("Content-Type", List.of("text/plain")), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void roundTripsAResponse() {
    EdgeCache cache = cache();
    cache.put(ACME, "acme:GET:/notes/1", response("one"), TTL, Set.of("t-acme"));
    assertThat(cache.get(ACME, "acme:GET:/notes/1")).contains(response("one"));
    assertThat(cache.get(ACME, "acme:GET:/notes/2")).isEmpty();
  }

  @Test
  void putReplacesTheSameKey() {
    EdgeCache cache = cache();
    cache.put(ACME, "k", response("old"), TTL, Set.of("t-acme"));
    cache.put(ACME, "k", response("new"), TTL, Set.of("t-acme"));
    assertThat(cache.get(ACME, "k")).contains(response("new"));
  }

  @Test
  void expiresAfterItsTtl() {
    EdgeCache cache = cache();
    cache.put(ACME, "short", response("s"), Duration.ofSeconds(10), Set.of());
    cache.put(ACME, "long", response("l"), Duration.ofSeconds(100), Set.of());
    elapse(clock, Duration.ofSeconds(9));
    assertThat(cache.get(ACME, "short")).isPresent();
    elapse(clock, Duration.ofSeconds(2));
    assertThat(cache.get(ACME, "short")).isEmpty();
    assertThat(cache.get(ACME, "long")).isPresent();
  }

  @Test
  void rejectsANonPositiveTtl() {
    EdgeCache cache = cache();
    assertThatThrownBy(() -> cache.put(ACME, "k", response("x"), Duration.ZERO, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
  }

  @Test
  void purgesBySurrogateKey() {
    EdgeCache cache = cache();
    cache.put(ACME, "n1", response("1"), TTL, Set.of("t-acme", "t-acme.note", "t-acme.note.1"));
    cache.put(ACME, "n2", response("2"), TTL, Set.of("t-acme", "t-acme.note", "t-acme.note.2"));
    cache.put(ACME, "a1", response("a"), TTL, Set.of("t-acme", "t-acme.asset"));
    assertThat(cache.purge(ACME, "t-acme.note.1")).isEqualTo(1);
    assertThat(cache.get(ACME, "n1")).isEmpty();
    assertThat(cache.get(ACME, "n2")).isPresent();
    assertThat(cache.purge(ACME, "t-acme.note")).isEqualTo(1);
    assertThat(cache.get(ACME, "n2")).isEmpty();
    assertThat(cache.get(ACME, "a1")).isPresent();
    assertThat(cache.purge(ACME, "t-acme.nothing")).isZero();
  }

  @Test
  void purgesATenant() {
    EdgeCache cache = cache();
    for (int i = 0; i < 5; i++) {
      cache.put(ACME, "k" + i, response("a" + i), TTL, Set.of("t-acme"));
      cache.put(GLOBEX, "k" + i, response("g" + i), TTL, Set.of("t-globex"));
    }
    assertThat(cache.purgeTenant(ACME)).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      assertThat(cache.get(ACME, "k" + i)).isEmpty();
      assertThat(cache.get(GLOBEX, "k" + i)).contains(response("g" + i));
    }
  }

  @Test
  void neverServesOneTenantsResponseToAnother() {
    EdgeCache cache = cache();
    cache.put(ACME, "GET:/notes/42", response("acme's note"), TTL, Set.of("t-acme"));
    assertThat(cache.get(GLOBEX, "GET:/notes/42")).isEmpty();
    cache.put(GLOBEX, "GET:/notes/42", response("globex's note"), TTL, Set.of("t-globex"));
    assertThat(cache.get(ACME, "GET:/notes/42")).contains(response("acme's note"));
    assertThat(cache.get(GLOBEX, "GET:/notes/42")).contains(response("globex's note"));
  }

  @Test
  void onePurgeNeverRemovesAnotherTenantsEntries() {
    EdgeCache cache = cache();
    // the same surrogate key string on both sides: purge is scoped to the tenant anyway
    cache.put(ACME, "k", response("a"), TTL, Set.of("shared-looking-key"));
    cache.put(GLOBEX, "k", response("g"), TTL, Set.of("shared-looking-key"));
    assertThat(cache.purge(ACME, "shared-looking-key")).isEqualTo(1);
    assertThat(cache.get(ACME, "k")).isEmpty();
    assertThat(cache.get(GLOBEX, "k")).contains(response("g"));
  }

  @Test
  void oneTenantsFloodNeverEvictsAnothersEntries() {
    EdgeCache cache = cache();
    for (int i = 0; i < 10; i++) {
      cache.put(GLOBEX, "g" + i, response("g" + i), TTL, Set.of("t-globex"));
    }
    for (int i = 0; i < CAPACITY * 20; i++) {
      cache.put(ACME, "flood" + i, response("x"), TTL, Set.of("t-acme"));
    }
    for (int i = 0; i < 10; i++) {
      assertThat(cache.get(GLOBEX, "g" + i)).as("globex entry %d", i).contains(response("g" + i));
    }
    assertThat(cache.get(ACME, "flood" + (CAPACITY * 20 - 1))).isPresent();
  }

  @Test
  void concurrentTenantsStayIsolated() throws Exception {
    EdgeCache cache = cache();
    TenantId[] tenants = new TenantId[8];
    for (int t = 0; t < tenants.length; t++) {
      tenants[t] = TenantId.of("tenant-" + t);
    }
    Concurrently.run(
        tenants.length,
        t -> {
          for (int i = 0; i < 500; i++) {
            String key = "k" + (i % 20);
            cache.put(tenants[t], key, response(t + ":" + i), TTL, Set.of("t-" + t));
            CachedResponse got = cache.get(tenants[t], key).orElseThrow();
            assertThat(new String(got.body(), StandardCharsets.UTF_8)).startsWith(t + ":");
            if (i % 50 == 0) {
              cache.purge(tenants[t], "t-" + t);
            }
          }
        });
  }
}
