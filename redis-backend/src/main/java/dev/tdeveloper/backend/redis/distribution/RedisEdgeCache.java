package dev.tdeveloper.backend.redis.distribution;

import static dev.tdeveloper.backend.redis.distribution.RedisLink.bytes;

import dev.tdeveloper.backend.redis.internal.LuaScript;
import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.edge.CachedResponse;
import dev.tdeveloper.distribution.spi.EdgeCache;
import dev.tdeveloper.tenancy.TenantId;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An {@link EdgeCache} in Redis, shared by every instance on the same server. It passes {@code
 * EdgeCacheContract}.
 *
 * <p><b>Keys.</b> Each tenant's partition lives under {@code <prefix>{<tenant>}:} (default prefix
 * {@value RedisEdgeCacheBuilder#DEFAULT_KEY_PREFIX}): the entries ({@code e:<key>}, {@code SET ...
 * PX ttl}), an expiry index, an insertion-order index, a size-and-tags hash, a byte counter and one
 * set per surrogate key ({@code t:<surrogate>}). The tenant is the hash tag, so a partition sits in
 * one Redis Cluster slot and every write is one Lua script over it: {@link #put}, {@link #purge}
 * and {@link #purgeTenant} are atomic and never {@code SCAN}. {@link #get} is one {@code GET}.
 *
 * <p><b>Budgets, enforced on the server.</b> A partition holds at most {@code maxEntriesPerTenant}
 * entries and {@code maxBytesPerTenant} bytes (stored entry plus key). A put that would exceed
 * either first drops the tenant's expired entries, then evicts the tenant's own oldest insertions
 * (first in, first out; a read does not refresh an entry, so reads stay one round trip). A response
 * larger than the whole byte budget is declined (not stored). The script only ever reads and writes
 * keys under the calling tenant's tag, so one tenant can never evict or exhaust another's entries.
 * Redis's own memory limit is global: size it for the tenants times their budget and keep {@code
 * maxmemory-policy noeviction}, or Redis itself may evict across tenants.
 *
 * <p><b>Expiry.</b> An entry stores its expiry by the injected clock and is served until then; the
 * server also drops it after its TTL ({@code PX}) and drops a partition's indexes once its
 * longest-lived entry expired. TTLs above {@value #MAX_TTL_DAYS} days count as that.
 *
 * <p>Failures throw {@link RedisDistributionException}; a failed write either happened entirely or
 * not at all, and retrying it is safe. Values are binary-safe. Thread-safe: one multiplexed
 * connection serves every thread. Close to release the connection (the client stays the caller's).
 */
public final class RedisEdgeCache implements EdgeCache, AutoCloseable {
  /** The longest TTL kept, in days: {@value}. */
  public static final long MAX_TTL_DAYS = 3650;

  private static final LuaScript SCRIPT = LuaScript.load(RedisEdgeCache.class, "edge-cache.lua");
  private static final Duration MAX_TTL = Duration.ofDays(MAX_TTL_DAYS);

  private final String keyPrefix;
  private final InstantSource clock;
  private final int maxEntriesPerTenant;
  private final long maxBytesPerTenant;
  private final RedisLink redis;

  RedisEdgeCache(RedisEdgeCacheBuilder b) {
    this.keyPrefix = b.settings.keyPrefix();
    this.clock = b.clock;
    this.maxEntriesPerTenant = b.maxEntriesPerTenant;
    this.maxBytesPerTenant = b.maxBytesPerTenant;
    this.redis = new RedisLink(b.settings, "Redis edge cache '" + keyPrefix + "'");
  }

  /**
   * Returns a builder of a cache on {@code client}.
   *
   * @param client the client, which stays the caller's to shut down
   * @return the builder
   * @throws NullPointerException if {@code client} is null
   */
  public static RedisEdgeCacheBuilder builder(RedisClient client) {
    return new RedisEdgeCacheBuilder(Objects.requireNonNull(client, "client"), false);
  }

  /**
   * {@inheritDoc}
   *
   * @throws RedisDistributionException if Redis fails
   */
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
    Set<String> tags = new TreeSet<>(surrogateKeys);
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl is " + ttl + "; allowed: positive");
    }
    long ttlMillis = Math.max(1, (ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl).toMillis());
    long now = clock.millis();
    long expiresAt = now + ttlMillis;
    String base = base(tenant);
    byte[][] keys = new byte[5 + tags.size()][];
    indexKeys(base, keys);
    keys[4] = bytes(base + "e:" + key);
    byte[][] args = new byte[9 + tags.size()][];
    args[0] = bytes("put");
    args[1] = bytes(base);
    args[2] = bytes(now);
    args[3] = bytes(key);
    args[4] = EdgeEntryCodec.encode(response, expiresAt);
    args[5] = bytes(ttlMillis);
    args[6] = bytes(expiresAt);
    args[7] = bytes(maxEntriesPerTenant);
    args[8] = bytes(maxBytesPerTenant);
    int i = 5;
    int a = 9;
    for (String tag : tags) {
      keys[i++] = bytes(base + "t:" + tag);
      args[a++] = bytes(tag);
    }
    redis.run("put", SCRIPT, keys, args);
  }

  /**
   * {@inheritDoc}
   *
   * @throws RedisDistributionException if Redis fails
   * @throws DistributionException if the stored value is not an entry
   */
  @Override
  public Optional<CachedResponse> get(TenantId tenant, String key) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    String entryKey = base(tenant) + "e:" + key;
    byte[] stored = redis.call("get", r -> r.get(bytes(entryKey)));
    if (stored == null) {
      return Optional.empty();
    }
    EdgeEntryCodec.Entry entry = EdgeEntryCodec.decode(stored, entryKey);
    return clock.millis() < entry.expiresAtMillis()
        ? Optional.of(entry.response())
        : Optional.empty();
  }

  /**
   * {@inheritDoc} Exact: counts the entries that were still fresh.
   *
   * @throws RedisDistributionException if Redis fails
   */
  @Override
  public int purge(TenantId tenant, String surrogateKey) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(surrogateKey, "surrogateKey");
    String base = base(tenant);
    byte[][] keys = new byte[5][];
    indexKeys(base, keys);
    keys[4] = bytes(base + "t:" + surrogateKey);
    List<Object> answer =
        redis.run(
            "purge",
            SCRIPT,
            keys,
            bytes("purge"),
            bytes(base),
            bytes(clock.millis()),
            bytes(surrogateKey));
    return Math.toIntExact((Long) answer.get(0));
  }

  /**
   * {@inheritDoc} Exact: counts the entries that were still fresh.
   *
   * @throws RedisDistributionException if Redis fails
   */
  @Override
  public int purgeTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    String base = base(tenant);
    byte[][] keys = new byte[4][];
    indexKeys(base, keys);
    List<Object> answer =
        redis.run(
            "purgeTenant", SCRIPT, keys, bytes("purge-tenant"), bytes(base), bytes(clock.millis()));
    return Math.toIntExact((Long) answer.get(0));
  }

  private String base(TenantId tenant) {
    return keyPrefix + "{" + tenant.value() + "}:";
  }

  private static void indexKeys(String base, byte[][] keys) {
    keys[0] = bytes(base + "exp");
    keys[1] = bytes(base + "ord");
    keys[2] = bytes(base + "info");
    keys[3] = bytes(base + "meta");
  }

  /** Closes the connection, and the client if the provider made it. Idempotent. */
  @Override
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return "RedisEdgeCache["
        + keyPrefix
        + ", maxEntriesPerTenant="
        + maxEntriesPerTenant
        + ", maxBytesPerTenant="
        + maxBytesPerTenant
        + "]";
  }
}
