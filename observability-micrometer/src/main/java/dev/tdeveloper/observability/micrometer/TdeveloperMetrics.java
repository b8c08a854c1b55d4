package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.observability.metrics.BusinessMetrics;
import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Micrometer bridge: listeners that turn the typed events of each T-Developer core into meters
 * on the registry you attach (Prometheus, Datadog, New Relic, CloudWatch, ...). Register each
 * listener on the builder of the component that publishes the events, e.g. {@code
 * RateLimiter.builder().listener(metrics.rateLimitListener())}.
 *
 * <p>Every meter is named {@code tdeveloper.*} and carries a {@value #TENANT_TAG} tag whose values
 * are bounded by one shared {@link TenantCardinalityGuard}: the top {@code N} tenants by event
 * traffic keep their id, the rest share {@value TenantCardinalityGuard#OTHER}, and events that
 * concern no tenant carry {@value #NO_TENANT}. A demoted tenant's meters are removed from the
 * registry at the re-rank (its past counts leave with them; {@code rate()} over the remaining
 * series is unaffected). The other tags (policy, resource, workload, budget, region, ...) take the
 * names your configuration defines, which are few. The meters and their tags are listed in each
 * listener's Javadoc and in this module's README.
 *
 * <p>The cores are optional dependencies: each listener's code lives in one class per core, loaded
 * only when its method is called, so an application without, say, dr-core uses the others freely. A
 * listener never throws into the operation that published the event, even if the registry fails:
 * the failure is logged (throttled) and the event dropped. Thread-safe.
 */
public final class TdeveloperMetrics {
  /** The tag holding the tenant: {@value}. */
  public static final String TENANT_TAG = "tenant";

  /**
   * The tenant tag's value for events about no tenant (a client IP, the platform): {@value}, which
   * no tenant id can be.
   */
  public static final String NO_TENANT = "_none";

  final TenantMeters meters;
  final Function<Object, Optional<TenantId>> rateLimitTenant;

  private TdeveloperMetrics(Builder builder) {
    this.meters =
        new TenantMeters(
            builder.registry,
            builder.guard == null ? TenantCardinalityGuard.builder().build() : builder.guard);
    this.rateLimitTenant = builder.rateLimitTenant;
  }

  /**
   * Returns a builder for a bridge to {@code registry}.
   *
   * @throws NullPointerException if {@code registry} is null
   */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(Objects.requireNonNull(registry, "registry"));
  }

  /** Returns the guard bounding the tenant tag. */
  public TenantCardinalityGuard tenantGuard() {
    return meters.guard;
  }

  /**
   * Returns a listener for {@code QuotaEnforcer} events: {@code tdeveloper.quota.threshold}
   * (counter; tags resource, percent, tenant) and {@code tdeveloper.quota.exhausted} (counter of
   * refused consumptions; tags resource, tenant).
   */
  public EventListener<dev.tdeveloper.tenancy.event.QuotaEvent> quotaListener() {
    return new TenancyBinder(meters).quota();
  }

  /**
   * Returns a listener for {@code TenantScopedCache} events: {@code
   * tdeveloper.tenant.cache.created} (counter; tag tenant) and {@code
   * tdeveloper.tenant.cache.dropped} (counter; tags reason, tenant) and {@code
   * tdeveloper.tenant.cache.dropped.entries} (counter of entries dropped; same tags).
   */
  public EventListener<dev.tdeveloper.tenancy.cache.TenantCacheEvent> tenantCacheListener() {
    return new TenancyBinder(meters).tenantCache();
  }

  /**
   * Returns a listener for {@code UsageMeter} events: {@code tdeveloper.usage} (counter of metered
   * units in closed windows; tags meter, tenant), {@code tdeveloper.usage.events} (counter of usage
   * events in closed windows; same tags) and {@code tdeveloper.usage.rejected} (counter; tags
   * meter, reason = duplicate|late, tenant).
   */
  public EventListener<dev.tdeveloper.tenancy.usage.UsageMeterEvent> usageListener() {
    return new TenancyBinder(meters).usage();
  }

  /**
   * Returns a listener for {@code RateLimiter} events (security-core): {@code
   * tdeveloper.ratelimit.denied} (counter; tags policy, tenant) and {@code
   * tdeveloper.ratelimit.store.failures} (counter; tags policy, outcome =
   * failed_open|failed_closed, tenant). Allowed decisions publish no event, so are not counted
   * here. The tenant is found in the limiter's key with {@link Builder#rateLimitTenant}.
   */
  public EventListener<Object> rateLimitListener() {
    return new SecurityBinder(meters).rateLimit(rateLimitTenant);
  }

  /**
   * Returns a listener for {@code AbuseShield} events (security-core): {@code
   * tdeveloper.shield.blocked} (counter; tags reason, dimension, tenant) and {@code
   * tdeveloper.shield.bans} (counter; tags dimension, tenant). The tenant tag is the subject for
   * the tenant dimension and {@value #NO_TENANT} for client IPs and API keys, which are never tags.
   */
  public EventListener<Object> shieldListener() {
    return new SecurityBinder(meters).shield();
  }

  /**
   * Returns a listener for {@code BackupEngine} events (dr-core): {@code tdeveloper.backup.runs}
   * (counter; tags outcome = completed|failed, tenant), {@code tdeveloper.backup.duration} (timer
   * of completed backups; tag tenant), {@code tdeveloper.backup.restores} (counter; tag tenant) and
   * {@code tdeveloper.backup.verifications} (counter; tags outcome = ok|failed, tenant). Platform
   * backups carry tenant {@value #NO_TENANT}.
   */
  public EventListener<Object> backupListener() {
    return new DrBinder(meters).backup();
  }

  /**
   * Returns a listener for {@code BackupScheduler} events (dr-core): {@code
   * tdeveloper.backup.schedule.runs} (counter; tags policy, outcome =
   * started|completed|failed|skipped, tenant = {@value #NO_TENANT}).
   */
  public EventListener<Object> backupSchedulerListener() {
    return new DrBinder(meters).scheduler();
  }

  /**
   * Returns a listener for {@code ScalingController} events (scaling-core): {@code
   * tdeveloper.scaling.decisions} (counter; tags workload, direction = up|down|none), {@code
   * tdeveloper.scaling.replicas} (gauge of the replicas last scaled to; tag workload), {@code
   * tdeveloper.scaling.failures} (counter; tags workload, stage) and {@code
   * tdeveloper.scaling.alerts} (counter; tags workload, kind, state = raised|resolved); all with
   * tenant = {@value #NO_TENANT}.
   */
  public EventListener<Object> scalingListener() {
    return new ScalingBinder(meters).scaling();
  }

  /**
   * Returns a listener for {@code BudgetMonitor} alerts (cost-core): {@code
   * tdeveloper.cost.budget.alerts} (counter; tags budget, state = raised|cleared, tenant: the
   * budget's tenant, or {@value #NO_TENANT} for an organisation's budget).
   */
  public EventListener<Object> budgetListener() {
    return new CostBinder(meters).budget();
  }

  /**
   * Returns a listener for {@code ReplicationLagMonitor} events (distribution-core): {@code
   * tdeveloper.replication.staleness.breaches} and {@code
   * tdeveloper.replication.staleness.recoveries} (counters; tags origin, receiver, tenant) and
   * {@code tdeveloper.replication.staleness.breach.duration} (timer of how long breaches lasted;
   * tags origin, receiver, tenant = {@value #NO_TENANT}).
   */
  public EventListener<Object> replicationLagListener() {
    return new DistributionBinder(meters).lag();
  }

  /**
   * Returns a listener for {@code AuditLogger} events (compliance-core): {@code
   * tdeveloper.audit.write.failures} (counter of failed writes, after which the log fails closed)
   * and {@code tdeveloper.audit.refused} (counter of events refused because the queue stayed full),
   * with tenant = {@value #NO_TENANT}.
   */
  public EventListener<Object> auditListener() {
    return new ComplianceBinder(meters).audit();
  }

  /**
   * Mirrors {@code metrics} on the registry: one Micrometer counter (a {@code FunctionCounter}) or
   * gauge per series, named as the business metric, with its description, base unit and tenant tag;
   * series removed when the tenant is demoted are removed from the registry.
   *
   * @throws NullPointerException if {@code metrics} is null
   */
  public void bind(BusinessMetrics metrics) {
    new BusinessMetricsBinder(meters.registry, Objects.requireNonNull(metrics, "metrics")).bind();
  }

  /** Configures a {@link TdeveloperMetrics}; each setting may be given once. Not thread-safe. */
  public static final class Builder {
    private final MeterRegistry registry;
    private TenantCardinalityGuard guard;
    private Function<Object, Optional<TenantId>> rateLimitTenant = Builder::tenantKey;

    private Builder(MeterRegistry registry) {
      this.registry = registry;
    }

    /**
     * Sets the guard bounding the tenant tag (share it with {@code BusinessMetrics} to bound both
     * together); default a guard with its defaults (top 100 tenants, re-rank each minute).
     *
     * @throws IllegalStateException if already set
     */
    public Builder tenantGuard(TenantCardinalityGuard guard) {
      if (this.guard != null) {
        throw new IllegalStateException("tenantGuard was already set");
      }
      this.guard = Objects.requireNonNull(guard, "guard");
      return this;
    }

    /**
     * Sets how the tenant is found in a rate limiter's key; default: the key itself when it is a
     * {@link TenantId}, else no tenant.
     *
     * @throws NullPointerException if {@code tenantOfKey} is null
     */
    public Builder rateLimitTenant(Function<Object, Optional<TenantId>> tenantOfKey) {
      this.rateLimitTenant = Objects.requireNonNull(tenantOfKey, "tenantOfKey");
      return this;
    }

    /** Builds the bridge. */
    public TdeveloperMetrics build() {
      return new TdeveloperMetrics(this);
    }

    private static Optional<TenantId> tenantKey(Object key) {
      return key instanceof TenantId tenant ? Optional.of(tenant) : Optional.empty();
    }
  }
}
