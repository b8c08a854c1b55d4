package dev.tdeveloper.distribution.edge;

import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process {@link EdgeCache}: one partition per tenant, each a least-recently-used map of at
 * most {@code maxEntriesPerTenant} entries with a surrogate key index, so a tenant's flood only
 * evicts its own entries. At most {@code maxTenants} partitions exist; a put for another tenant
 * beyond that is declined (not stored) rather than evicting anyone. Expired entries are dropped
 * when met and when their partition is full. Entries expire by the injected clock.
 *
 * <p>Thread-safe: each partition has its own lock, so tenants do not contend.
 */
public final class InMemoryEdgeCache implements EdgeCache {
  /** The default cap on one tenant's entries: {@value}. */
  public static final int DEFAULT_MAX_ENTRIES_PER_TENANT = 10_000;

  /** The default cap on tenants: {@value}. */
  public static final int DEFAULT_MAX_TENANTS = 10_000;

  private final int maxEntriesPerTenant;
  private final int maxTenants;
  private final InstantSource clock;
  private final Map<TenantId, Partition> partitions = new ConcurrentHashMap<>();

  private InMemoryEdgeCache(int maxEntriesPerTenant, int maxTenants, InstantSource clock) {
    this.maxEntriesPerTenant = maxEntriesPerTenant;
    this.maxTenants = maxTenants;
    this.clock = clock;
  }

  /**
   * Returns a cache with the default caps and the system clock.
   *
   * @return the cache
   */
  public static InMemoryEdgeCache create() {
    return create(DEFAULT_MAX_ENTRIES_PER_TENANT, DEFAULT_MAX_TENANTS, InstantSource.system());
  }

  /**
   * Returns a cache.
   *
   * @param maxEntriesPerTenant the most entries one tenant keeps, 1 or more
   * @param maxTenants the most tenants with entries, 1 or more
   * @param clock the wall clock TTLs run on
   * @return the cache
   * @throws IllegalArgumentException if a cap is below 1
   */
  public static InMemoryEdgeCache create(
      int maxEntriesPerTenant, int maxTenants, InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    if (maxEntriesPerTenant < 1) {
      throw new IllegalArgumentException(
          "maxEntriesPerTenant is " + maxEntriesPerTenant + "; allowed: 1 or more");
    }
    if (maxTenants < 1) {
      throw new IllegalArgumentException("maxTenants is " + maxTenants + "; allowed: 1 or more");
    }
    return new InMemoryEdgeCache(maxEntriesPerTenant, maxTenants, clock);
  }

  @Override
  public void put(
      TenantId tenant,
      String key,
      CachedResponse response,
      Duration ttl,
      Set<String> surrogateKeys) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(ttl, "ttl");
    Set<String> tags = Set.copyOf(surrogateKeys);
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl is " + ttl + "; allowed: positive");
    }
    Partition partition = partitions.get(tenant);
    if (partition == null) {
      if (partitions.size() >= maxTenants) {
        return; // declined: never evict another tenant to make room
      }
      partition = partitions.computeIfAbsent(tenant, t -> new Partition());
    }
    long now = clock.millis();
    long expiresAt = now + Math.min(ttl.toMillis(), Long.MAX_VALUE - now);
    partition.put(key, new Entry(response, expiresAt, tags), now, maxEntriesPerTenant);
  }

  @Override
  public Optional<CachedResponse> get(TenantId tenant, String key) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    Partition partition = partitions.get(tenant);
    return partition == null ? Optional.empty() : partition.get(key, clock.millis());
  }

  @Override
  public int purge(TenantId tenant, String surrogateKey) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(surrogateKey, "surrogateKey");
    Partition partition = partitions.get(tenant);
    return partition == null ? 0 : partition.purge(surrogateKey);
  }

  @Override
  public int purgeTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Partition partition = partitions.remove(tenant);
    return partition == null ? 0 : partition.size();
  }

  /**
   * Returns how many entries the tenant holds, expired ones not yet dropped included.
   *
   * @param tenant the tenant
   * @return the count
   */
  public int size(TenantId tenant) {
    Partition partition = partitions.get(tenant);
    return partition == null ? 0 : partition.size();
  }

  private record Entry(CachedResponse response, long expiresAt, Set<String> tags) {}

  /** One tenant's entries and surrogate index, guarded by its own lock. */
  private static final class Partition {
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Set<String>> byTag = new HashMap<>();

    synchronized void put(String key, Entry entry, long now, int max) {
      remove(key);
      if (entries.size() >= max) {
        dropExpired(now);
      }
      Iterator<Map.Entry<String, Entry>> lru = entries.entrySet().iterator();
      while (entries.size() >= max && lru.hasNext()) {
        Map.Entry<String, Entry> eldest = lru.next();
        lru.remove();
        untag(eldest.getKey(), eldest.getValue());
      }
      entries.put(key, entry);
      for (String tag : entry.tags()) {
        byTag.computeIfAbsent(tag, t -> new HashSet<>()).add(key);
      }
    }

    synchronized Optional<CachedResponse> get(String key, long now) {
      Entry entry = entries.get(key);
      if (entry == null) {
        return Optional.empty();
      }
      if (now >= entry.expiresAt()) {
        remove(key);
        return Optional.empty();
      }
      return Optional.of(entry.response());
    }

    synchronized int purge(String tag) {
      Set<String> keys = byTag.remove(tag);
      if (keys == null) {
        return 0;
      }
      int removed = 0;
      for (String key : keys) {
        if (remove(key)) {
          removed++;
        }
      }
      return removed;
    }

    synchronized int size() {
      return entries.size();
    }

    private void dropExpired(long now) {
      Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Entry> e = it.next();
        if (now >= e.getValue().expiresAt()) {
          it.remove();
          untag(e.getKey(), e.getValue());
        }
      }
    }

    private boolean remove(String key) {
      Entry old = entries.remove(key);
      if (old == null) {
        return false;
      }
      untag(key, old);
      return true;
    }

    private void untag(String key, Entry entry) {
      for (String tag : entry.tags()) {
        Set<String> keys = byTag.get(tag);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
          byTag.remove(tag);
        }
      }
    }
  }
}
