package dev.tdeveloper.demo;

import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.demo.notes.Notes;
import dev.tdeveloper.distribution.clock.FileHlcStateStore;
import dev.tdeveloper.distribution.replication.InProcessReplicationChannel;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.lease.InProcessJobLease;
import dev.tdeveloper.tenancy.quota.file.FileQuotaStore;
import dev.tdeveloper.tenancy.registry.FileTenantRegistry;
import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.usage.file.FileUsageStore;
import dev.tdeveloper.tenancy.usage.file.FsyncPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * tenant-cache invalidation, the regions' replication channel and HLC mark) and PostgreSQL ({@code
 * --postgres}: tenant registry, usage events, the tenants' notes, alert state, job leases when
 * there is no Redis, and each instance's audit log table). Each accessor returns the backend's
 * implementation when its flag is given, else the embedded default, so the rest of the demo never
 * asks which. New shared backends get an accessor here. Thread-safe; {@link #close()} closes the
 * clients and pools and the local tenant registry (the other stores handed out are closed by
 * whoever uses them).
 */
final class DemoBackends implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoBackends.class);

  /** The file in the data directory that names the instance: {@value}. */
  static final String INSTANCE_ID_FILE = "instance-id";

  private final Optional<DemoRedis> redis;
  private final Optional<DemoPostgres> postgres;
  private final JobLease leases;
  private final String instance;
  private FileTenantRegistry localRegistry; // guarded by this; opened by registry(), if asked

  private DemoBackends(Optional<DemoRedis> redis, Optional<DemoPostgres> postgres) {
    this.redis = redis;
    this.postgres = postgres;
    this.leases =
        redis
            .<JobLease>map(r -> r.leases)
            .or(() -> postgres.map(p -> p.leases))
            .orElseGet(InProcessJobLease::create);
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
   * given), else a durable local journal under {@code <data>/registry}, so a tenant created at run
   * time survives a restart or a crash. The local registry is closed by {@link #close()}.
   */
  TenantRegistry registry(Path dataDir) {
    if (postgres.isEmpty()) {
      synchronized (this) {
        if (localRegistry == null) {
          localRegistry = FileTenantRegistry.builder(dataDir.resolve("registry")).open();
        }
        return localRegistry;
      }
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

  /**
   * The audit log's sink: in PostgreSQL, the table {@code tdev_demo.audit_<instance id>} of this
   * instance (installed here), else empty for the log's local files. One table per instance, since
   * one hash chain takes one writer; the id is {@link #instanceId}'s, kept with the data directory
   * that holds the log's Merkle tree and keys.
   */
  Optional<AuditSink> auditSink(Path dataDir, InstantSource clock) {
    return postgres.map(p -> p.auditSink(instanceId(dataDir), clock));
  }

  /**
   * The alert router's notification log and silences: PostgreSQL, shared by every instance, else
   * empty for the local files under {@code <data>/alerts}.
   */
  Optional<AlertStateStore> alertStateStore() {
    return postgres.map(p -> p.alertState);
  }

  /** The regions' replication channel: Redis Streams, shared by every instance, else in-process. */
  ReplicationChannel replicationChannel() {
    return redis
        .<ReplicationChannel>map(r -> r.replication)
        .orElseGet(InProcessReplicationChannel::new);
  }

  /**
   * The regions' HLC high-water mark: one Redis key every instance raises, else {@code <data>/hlc}.
   */
  HlcStateStore hlcStateStore(Path dataDir) {
    return redis
        .<HlcStateStore>map(r -> r.hlc)
        .orElseGet(() -> FileHlcStateStore.open(dataDir.resolve("hlc")));
  }

  /** Returns whether job leases are shared between instances (Redis or PostgreSQL). */
  boolean sharedLeases() {
    return redis.isPresent() || postgres.isPresent();
  }

  /**
   * Returns this data directory's instance id: 16 hex digits drawn at random on first start and
   * kept in {@code <data>/instance-id} (written crash-safely), so it survives restarts and two
   * instances (which never share a data directory) never share one.
   *
   * @throws IllegalStateException if the file holds something else
   */
  static String instanceId(Path dataDir) {
    Path file = dataDir.resolve(INSTANCE_ID_FILE);
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        Files.createDirectories(dataDir);
        DurableFiles.replace(file, out -> out.write(id.getBytes(StandardCharsets.US_ASCII)));
      }
      String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (!id.matches("[0-9a-f]{16}")) {
        throw new IllegalStateException(
            file + " holds '" + id + "': an instance id is 16 lower-case hex digits");
      }
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the instance id " + file, e);
    }
  }

  /**
   * Scheduled jobs guarded by a lease: Redis, else PostgreSQL, else in-process (always granted).
   */
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
      synchronized (this) {
        if (localRegistry != null) {
          localRegistry.close();
        }
      }
      postgres.ifPresent(DemoPostgres::close);
    } finally {
      redis.ifPresent(DemoRedis::close); // also ends the leases' and the caches' connections
    }
  }
}
