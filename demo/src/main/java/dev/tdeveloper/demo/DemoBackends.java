package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.Notes;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.lease.InProcessJobLease;
import dev.tdeveloper.tenancy.quota.file.FileQuotaStore;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.usage.file.FileUsageStore;
import dev.tdeveloper.tenancy.usage.file.FsyncPolicy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides where the state shared between demo instances lives: embedded (local
 * files and memory, the default) or Redis ({@code --redis}: rate limits, notes quotas, job leases,
 * tenant-cache invalidation) and PostgreSQL ({@code --postgres}: tenant registry, usage events, the
 * tenants' notes). Each accessor returns the backend's implementation when its flag is given, else
 * the embedded default, so the rest of the demo never asks which. New shared backends get an
 * accessor here. Thread-safe; {@link #close()} closes the clients and pools (the stores handed out
 * are closed by whoever uses them).
 */
final class DemoBackends implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoBackends.class);

  private final Optional<DemoRedis> redis;
  private final Optional<DemoPostgres> postgres;
  private final JobLease leases;
  private final String instance;

  private DemoBackends(Optional<DemoRedis> redis, Optional<DemoPostgres> postgres) {
    this.redis = redis;
    this.postgres = postgres;
    this.leases = redis.<JobLease>map(r -> r.leases).orElseGet(InProcessJobLease::create);
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    this.instance =
        "demo-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
  }

  /**
   * Connects to the backends {@code options} name and installs what they need (idempotent).
   *
   * @throws DemoBackendException if one cannot be reached or set up (the message names it)
   */
  static DemoBackends open(DemoBackendOptions options, InstantSource clock) {
    Optional<DemoRedis> redis = options.redis().map(r -> new DemoRedis(r, clock));
    try {
      Optional<DemoPostgres> postgres = options.postgres().map(p -> new DemoPostgres(p, clock));
      DemoBackends backends = new DemoBackends(redis, postgres);
      LOG.info(
          "shared state: {}, {} (instance {})",
          options.redis().map(Object::toString).orElse("no Redis"),
          options.postgres().map(Object::toString).orElse("no PostgreSQL"),
          backends.instance);
      return backends;
    } catch (RuntimeException e) {
      redis.ifPresent(DemoRedis::close);
      throw e;
    }
  }

  /** The rate limiters' store: Redis, or empty for the limiter's own in-process state. */
  Optional<RateLimiterStore> rateLimiterStore() {
    return redis.map(r -> r.rateLimits);
  }

  /** The quota counters: Redis, else a durable local store under {@code <data>/quotas}. */
  QuotaStore quotaStore(Path dataDir, InstantSource clock) {
    return redis
        .<QuotaStore>map(r -> r.quotas)
        .orElseGet(() -> FileQuotaStore.builder(dataDir.resolve("quotas")).clock(clock).open());
  }

  /** The usage events: PostgreSQL, else a durable local event log under {@code <data>/usage}. */
  UsageStore usageStore(Path dataDir) {
    return postgres
        .<UsageStore>map(p -> p.usage)
        .orElseGet(
            () ->
                FileUsageStore.builder(dataDir.resolve("usage"))
                    .fsyncPolicy(FsyncPolicy.GROUP_COMMIT)
                    .open());
  }

  /**
   * The tenant registry: PostgreSQL (read through a cache invalidated over Redis when both are
   * given), else in memory.
   */
  TenantRegistry registry() {
    if (postgres.isEmpty()) {
      return new InMemoryTenantRegistry();
    }
    TenantRegistry shared = postgres.get().registry;
    if (redis.isEmpty()) {
      return shared;
    }
    return new CachedTenantRegistry(shared, redis.get().shared("tenants", tenantCache(e -> {})));
  }

  /**
   * The local cache of tenant records: one entry per tenant, kept a minute at most (which bounds a
   * lost invalidation), tenants idle for 10 minutes dropped; {@code listener} hears its events.
   */
  static TenantScopedCache<String, Tenant> tenantCache(
      EventListener<? super TenantCacheEvent> listener) {
    return TenantScopedCache.builder()
        .maximumEntriesPerTenant(1)
        .expireAfterWrite(Duration.ofMinutes(1))
        .expireIdleTenantsAfter(Duration.ofMinutes(10))
        .addListener(listener)
        .<String, Tenant>build();
  }

  /** The tenants' notes: PostgreSQL through {@code TenantDataSource}, else {@code local}. */
  Notes notes(Notes local) {
    return postgres.<Notes>map(p -> p.notes).orElse(local);
  }

  /** Scheduled jobs guarded by a lease: Redis, else in-process (always granted). */
  LeasedJobs jobs() {
    return new LeasedJobs(leases, instance);
  }

  /** Returns whether the tenant registry is shared (PostgreSQL) rather than this instance's. */
  boolean sharedRegistry() {
    return postgres.isPresent();
  }

  @Override
  public void close() {
    try {
      postgres.ifPresent(DemoPostgres::close);
    } finally {
      redis.ifPresent(DemoRedis::close); // also ends the leases' and the caches' connections
    }
  }
}
