package dev.tdeveloper.observability.micrometer;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.tdeveloper.observability.metrics.TagChange;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Hit, miss and eviction counters and a size gauge per tenant of a {@link TenantScopedCache}, read
 * from {@link TenantScopedCache#stats(TenantId)} when the registry publishes, for the tenants that
 * have their own tag: registered when a tenant is promoted (or at binding), removed with the
 * tenant's other meters when it is demoted. The tenants folded into {@code other} are not
 * published: the cache cannot list them. A tenant's statistics restart at zero when its cache is
 * dropped; the counters carry over the counts last read before, so they never go down. Thread-safe.
 */
final class TenantCacheStatsBinder {
  private static final String GETS = "Tenant cache lookups by result";

  private final TenantMeters meters;
  private final String name;
  private final TenantScopedCache<?, ?> cache;
  private final ConcurrentHashMap<TenantId, Monotonic[]> readings = new ConcurrentHashMap<>();

  /** A count that survives its source restarting at zero. */
  static final class Monotonic {
    private long base;
    private long last;

    synchronized long read(long current) {
      if (current < last) {
        base += last;
      }
      last = current;
      return base + current;
    }
  }

  TenantCacheStatsBinder(TenantMeters meters, String name, TenantScopedCache<?, ?> cache) {
    this.meters = meters;
    this.name = name;
    this.cache = cache;
  }

  void bind() {
    meters.guard.addListener(
        meters.<TagChange>safe("tenant cache stats " + name, this::onTagChange));
    for (TenantId tenant : meters.guard.taggedTenants()) {
      meters.safe("tenant cache stats " + name, this::register).onEvent(tenant);
    }
  }

  private void onTagChange(TagChange change) {
    change.demoted().forEach(readings::remove);
    change.promoted().forEach(this::register);
  }

  private void register(TenantId tenant) {
    if (!meters.guard.hasOwnTag(tenant)) {
      return;
    }
    Monotonic[] r =
        readings.computeIfAbsent(
            tenant, t -> new Monotonic[] {new Monotonic(), new Monotonic(), new Monotonic()});
    Tags tags = Tags.of("cache", name, TdeveloperMetrics.TENANT_TAG, tenant.value());
    counter(
        "tdeveloper.tenant.cache.gets",
        GETS,
        tenant,
        tags.and("result", "hit"),
        r[0],
        CacheStats::hitCount);
    counter(
        "tdeveloper.tenant.cache.gets",
        GETS,
        tenant,
        tags.and("result", "miss"),
        r[1],
        CacheStats::missCount);
    counter(
        "tdeveloper.tenant.cache.evictions",
        "Entries evicted from a tenant's cache",
        tenant,
        tags,
        r[2],
        CacheStats::evictionCount);
    Gauge.builder("tdeveloper.tenant.cache.size", cache, c -> c.estimatedSize(tenant))
        .description("Approximate number of entries a tenant's cache holds")
        .tags(tags)
        .register(meters.registry);
    if (!meters.guard.hasOwnTag(tenant)) {
      // demoted while we registered: the demotion's clean-up may have run before us
      meters.registry.getMeters().stream()
          .filter(
              m ->
                  name.equals(m.getId().getTag("cache"))
                      && tenant.value().equals(m.getId().getTag(TdeveloperMetrics.TENANT_TAG)))
          .forEach(meters.registry::remove);
      readings.remove(tenant);
    }
  }

  private void counter(
      String meter,
      String description,
      TenantId tenant,
      Tags tags,
      Monotonic reading,
      ToLongFunction<CacheStats> count) {
    FunctionCounter.builder(meter, cache, c -> reading.read(count.applyAsLong(c.stats(tenant))))
        .description(description)
        .tags(tags)
        .register(meters.registry);
  }
}
