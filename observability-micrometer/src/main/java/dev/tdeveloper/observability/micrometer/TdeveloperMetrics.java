package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.observability.alert.AlertRouterEvent;
import dev.tdeveloper.observability.escalation.Escalator;
import dev.tdeveloper.observability.incident.IncidentEvent;
import dev.tdeveloper.observability.metrics.BusinessMetrics;
import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.observability.notify.DeliveryEvent;
import dev.tdeveloper.observability.slo.BurnRateEvaluator;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.provision.ProvisioningEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * names your configuration defines, which are few. Each method's Javadoc names its meters; the
 * README lists every meter with its tags.
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

  final InstantSource clock;
  private final Set<Object> bound = ConcurrentHashMap.newKeySet();

  TdeveloperMetrics(TdeveloperMetricsBuilder builder) {
    this.meters =
        new TenantMeters(
            builder.registry,
            builder.guard == null ? TenantCardinalityGuard.builder().build() : builder.guard);
    this.rateLimitTenant =
        builder.rateLimitTenant == null ? TdeveloperMetrics::tenantKey : builder.rateLimitTenant;
    this.clock = builder.clock == null ? InstantSource.system() : builder.clock;
  }

  private static Optional<TenantId> tenantKey(Object key) {
    return key instanceof TenantId tenant ? Optional.of(tenant) : Optional.empty();
  }

  /**
   * Returns a builder for a bridge to {@code registry}.
   *
   * @throws NullPointerException if {@code registry} is null
   */
  public static TdeveloperMetricsBuilder builder(MeterRegistry registry) {
    return new TdeveloperMetricsBuilder(Objects.requireNonNull(registry, "registry"));
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
   * tdeveloper.tenant.cache.created}, {@code .dropped} and {@code .dropped.entries} counters. See
   * the README for tags.
   */
  public EventListener<dev.tdeveloper.tenancy.cache.TenantCacheEvent> tenantCacheListener() {
    return new TenancyBinder(meters).tenantCache();
  }

  /**
   * Returns a listener for {@code UsageMeter} events: {@code tdeveloper.usage} (metered units in
   * closed windows), {@code tdeveloper.usage.events} and {@code tdeveloper.usage.rejected}
   * counters. See the README for tags.
   */
  public EventListener<dev.tdeveloper.tenancy.usage.UsageMeterEvent> usageListener() {
    return new TenancyBinder(meters).usage();
  }

  /**
   * Returns a listener for {@code RateLimiter} events (security-core): {@code
   * tdeveloper.ratelimit.denied} (counter; tags policy, tenant) and {@code
   * tdeveloper.ratelimit.store.failures} (counter; tags policy, outcome =
   * failed_open|failed_closed, tenant). Allowed decisions publish no event, so are not counted
   * here. The tenant is found in the limiter's key with {@link
   * TdeveloperMetricsBuilder#rateLimitTenant}.
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
   * Returns a listener for {@code BackupEngine} events (dr-core): {@code tdeveloper.backup.runs},
   * {@code .restores} and {@code .verifications} counters and the {@code .duration} timer; platform
   * backups carry tenant {@value #NO_TENANT}. See the README for tags.
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
   * tdeveloper.scaling.*} counters of decisions, failures and alerts and a replicas gauge, with
   * tenant = {@value #NO_TENANT}. See the README for tags.
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
   * tdeveloper.replication.staleness.*} counters of breaches and recoveries and a timer of breach
   * durations. See the README for tags.
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
   * Returns a listener for {@code TenantProvisioner} events: {@code tdeveloper.provisioning.*}
   * counters of sagas by operation and outcome, and of failed steps. See the README for tags.
   */
  public EventListener<ProvisioningEvent> provisioningListener() {
    return new TenancyBinder(meters).provisioning();
  }

  /**
   * Returns a listener for {@code KeyLifecycle} events (security-core): {@code tdeveloper.key.*}
   * counters of rotations, state changes and shredded tenants. See the README for tags.
   */
  public EventListener<Object> keyListener() {
    return new SecurityOpsBinder(meters).keys();
  }

  /**
   * Returns a listener for {@code CertificateMonitor} and renewal events (security-core): {@code
   * tdeveloper.certificate.*}, a gauge of each certificate's expiry and counters of alerts, source
   * failures and renewals. See the README for tags.
   */
  public EventListener<Object> certificateListener() {
    return new SecurityOpsBinder(meters).certificates();
  }

  /**
   * Returns a listener for {@code PostureScanner} events (security-core): {@code
   * tdeveloper.posture.*}, counters of findings opened and resolved and a gauge of the last scan's
   * findings by severity. See the README for tags.
   */
  public EventListener<Object> postureListener() {
    return new SecurityOpsBinder(meters).posture();
  }

  /**
   * Returns a listener for {@code RestoreDrill} events (dr-core): {@code tdeveloper.restore.drills}
   * (counter by outcome) and {@code tdeveloper.restore.drill.rto} (timer). See the README for tags.
   */
  public EventListener<Object> restoreDrillListener() {
    return new DrBinder(meters).drills();
  }

  /**
   * Returns a listener for RPO/RTO monitor events (dr-core): {@code
   * tdeveloper.recovery.objective.*} counters of breaches and recoveries. See the README for tags.
   */
  public EventListener<Object> recoveryObjectivesListener() {
    return new DrBinder(meters).objectives();
  }

  /**
   * Returns a listener for {@code RegionHealth} and {@code OutlierDetector} events
   * (distribution-core): {@code tdeveloper.region.*}, counters of failovers, failbacks, suppressed
   * flaps and ejections, timers of detection and outage, a failed-over gauge. See the README for
   * tags.
   */
  public EventListener<Object> regionHealthListener() {
    return new DistributionBinder(meters).regionHealth();
  }

  /**
   * Returns a listener for {@code IncidentCorrelator} events: {@code tdeveloper.incidents} and
   * {@code tdeveloper.incident.*}, counters of incidents and alerts, timers to acknowledge and
   * resolve. See the README for tags.
   */
  public EventListener<IncidentEvent> incidentListener() {
    return new ObservabilityBinder(meters).incidents();
  }

  /**
   * Returns a listener for {@code AlertRouter} events: {@code tdeveloper.alert.notifications} (by
   * receiver, action, severity) and {@code tdeveloper.alert.silences} counters. See the README for
   * tags.
   */
  public EventListener<AlertRouterEvent> alertRouterListener() {
    return new ObservabilityBinder(meters).alertRouter();
  }

  /**
   * Returns a listener for notifier {@code DeliveryEvent}s: {@code tdeveloper.notify.*} counters of
   * deliveries (delivered or failed), retries and drops per notifier. See the README for tags.
   */
  public EventListener<DeliveryEvent> deliveryListener() {
    return new ObservabilityBinder(meters).deliveries();
  }

  /**
   * Publishes the escalations in progress, read from {@link Escalator#states()} when the registry
   * publishes: {@code tdeveloper.escalation.incidents} (by state) and {@code
   * tdeveloper.escalation.level.max} gauges.
   *
   * @throws NullPointerException if {@code escalator} is null
   */
  public void bind(Escalator escalator) {
    new ObservabilityBinder(meters).bind(Objects.requireNonNull(escalator, "escalator"));
  }

  /**
   * Publishes {@code tdeveloper.slo.*} gauges per SLO and guarded tenant (budget remaining, burn
   * rate per window, alert state per rule, events over the SLO window), read from a snapshot of
   * {@code evaluator} taken again only after it has evaluated; {@code other} shows the worst of the
   * tenants folded into it (the sum of their events). See the README for tags.
   *
   * @throws NullPointerException if {@code evaluator} is null
   * @throws IllegalStateException if an evaluator is already bound (their gauges would mix)
   */
  public void bind(BurnRateEvaluator evaluator) {
    Objects.requireNonNull(evaluator, "evaluator");
    if (!bound.add(BurnRateEvaluator.class)) {
      throw new IllegalStateException("an evaluator is already bound; allowed: one per bridge");
    }
    new SloBinder(meters, Objects.requireNonNull(evaluator, "evaluator"), clock).bind();
  }

  /**
   * Publishes {@code cache}'s statistics (turn on its {@code recordStats()}) for every tenant with
   * its own tag, tagged cache = {@code name}: {@code tdeveloper.tenant.cache.gets} (result =
   * hit|miss) and {@code .evictions} function counters, {@code .size} gauge.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   * @throws IllegalStateException if a cache named {@code name} is already bound
   */
  public void bind(String name, TenantScopedCache<?, ?> cache) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cache, "cache");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: is blank; allowed: a cache name");
    }
    if (!bound.add("cache:" + name)) {
      throw new IllegalStateException(
          "name: a cache named '" + name + "' is already bound; allowed: each name once");
    }
    new TenantCacheStatsBinder(meters, name, cache).bind();
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
}
