package dev.tdeveloper.demo;

import dev.tdeveloper.compliance.privacy.FilePseudonymVault;
import dev.tdeveloper.cost.price.PriceBook;
import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.demo.notes.Notes;
import dev.tdeveloper.distribution.region.DistributionConfig;
import dev.tdeveloper.distribution.region.RegionConfigLoader;
import dev.tdeveloper.scaling.config.ScalingConfig;
import dev.tdeveloper.scaling.config.ScalingConfigLoader;
import dev.tdeveloper.scaling.control.ScalingEvent;
import dev.tdeveloper.scaling.health.HealthCheckRegistry;
import dev.tdeveloper.security.ratelimit.TenantRateLimitPolicies;
import dev.tdeveloper.security.shield.IpRangeSet;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.config.ConfigReloadEvent;
import dev.tdeveloper.tenancy.config.ReloadResult;
import dev.tdeveloper.tenancy.config.ReloadableTenantConfig;
import dev.tdeveloper.tenancy.quota.TenantQuotaPolicies;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenancy components of the demo, wired on their embedded defaults: tenants from {@code
 * tenants.yaml} provisioned by a saga into a durable local registry under {@code <data>/registry}
 * (so tenants created at run time survive restarts), notes quotas by plan with their counters in a
 * durable local store under {@code <data>/quotas} (so a monthly quota survives restarts), usage
 * metered into a durable local event log (those three in {@link DemoTenancy}), the traffic
 * protection (abuse shield, rate limits by plan), the WAF ({@link DemoWaf}: the OWASP CRS, or a
 * bundled baseline set when it is missing, with per-tenant paranoia levels), and the notes, durable
 * under {@code <data>/notes} and encrypted at rest with each tenant's keys ({@link DemoKeys}: a key
 * version at provisioning, crypto-shredding at offboarding), the autoscaler loop over the demo's
 * own request rate ({@link DemoScaling}) and the health checks ({@link DemoHealth}), both set by
 * {@code scaling.yaml} (next to {@code tenants.yaml}, else the bundled one), and the cost
 * accounting ({@link DemoCost}) priced by {@code price-book.yaml} (found the same way). With {@code
 * --redis} or {@code --postgres}, {@link DemoBackends} puts the state instances share (rate limits,
 * quotas, job leases, the tenant registry, usage events, the notes) on those servers instead.
 * Thread-safe.
 *
 * <p>Every consumer of {@code tenants.yaml} takes a reload or none does: the rate limits and the
 * quotas and the WAF policies validate each candidate file (any problem rejects the reload as a
 * whole), then the rate limits, the WAF policies, the quotas and the provisioning of newly listed
 * tenants apply it, in that order. The provisioning comes last because re-applying the previous
 * file cannot undo it; each tenant's saga is atomic. The last outcome is kept for {@code /ops}.
 */
final class DemoServices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoServices.class);

  final InstantSource clock;
  final Ticker ticker;
  final Instant startedAt;
  final ReloadableTenantConfig config;
  final AtomicReference<Optional<ConfigReloadEvent>> lastReload =
      new AtomicReference<>(Optional.empty());
  final DemoBackends backends; // where shared state lives: embedded, Redis, PostgreSQL
  final DemoAws aws; // backups in S3 (--s3-bucket), keys wrapped by KMS (--kms-key), else local
  final TenantRegistry registry;
  final DemoKeys keys;
  final NoteStore notes; // the local, encrypted journals (backups, key rotation, PITR)
  final Notes tenantNotes; // what the notes API serves: the local journals or PostgreSQL
  final DemoTenancy tenancy; // provisioning, quotas, usage meter and their reload appliers
  final DemoProtection protection;
  final DemoWaf waf; // CRS (else the baseline set) in front of the notes API, tenant policies
  final DemoPosture posture;
  final FilePseudonymVault pseudonyms; // shared by the audit log and GDPR erasure
  final DemoPrivacy privacy; // GDPR requests, consent
  final DemoCompliance compliance; // SOC 2 / ISO 27001 / HIPAA evidence and reports
  final DemoAudit audit;
  final NoteChangeJournal noteChanges; // every note change, journaled first, for PITR
  final DemoBackups backups; // notes backed up by policy, drills, restore to an instant
  final ScalingConfig scalingConfig; // scaling.yaml: the autoscaler, simulation, alerts, health
  final DemoScaling scaling; // autoscaler loop over the demo's own request rate
  final DemoHealth health; // liveness, readiness and startup checks
  final PriceBook priceBook; // price-book.yaml: what the cluster, storage and platform cost
  final DemoCost cost; // hourly allocation, budgets, anomalies, recommendations
  final DistributionConfig regionsConfig; // regions.yaml: five regions, routing, residency
  final DemoRegions regions; // health, routing answers, residency, replicas and their lag
  final DemoObservability observability; // SLOs, burn-rate alerts, incidents, metrics

  /**
   * Wires the services of {@code options}; {@code env} is the process environment in production.
   */
  DemoServices(DemoOptions options, InstantSource clock, Ticker ticker, Map<String, String> env)
      throws IOException {
    // Checked before anything is opened, so a bad value fails the start without leaking anything.
    int ipRequestsPerMinute = DemoProtection.ipRequestsPerMinute(env);
    IpRangeSet trustedProxies = DemoProtection.trustedProxies(env);
    this.clock = clock;
    this.ticker = ticker;
    this.startedAt = clock.instant();
    Files.createDirectories(options.dataDir());
    // Read before anything is opened, so a bad file fails the start without leaking anything.
    this.scalingConfig = ScalingConfigLoader.load(scalingFile(options));
    this.priceBook = DemoCost.loadPriceBook(siblingOrBundled(options, "price-book.yaml"));
    this.regionsConfig = RegionConfigLoader.load(siblingOrBundled(options, "regions.yaml"));
    this.backends = DemoBackends.open(options.backends(), clock);
    // With shared leases, the instances' routers all flush the alerts they saw; one sends each.
    LeasedJobs claims = backends.jobs();
    this.observability =
        new DemoObservability(
            siblingOrBundled(options, "slos.yaml"),
            options.dataDir(),
            clock,
            System::getenv,
            backends.alertStateStore(),
            n -> backends.sharedLeases() ? new ClaimedNotifier(n, claims) : n);
    this.aws = DemoAws.open(options.aws(), options.dataDir(), clock);
    this.registry = backends.registry(options.dataDir());
    this.pseudonyms = DemoPrivacy.openVault(options.dataDir());
    this.audit =
        new DemoAudit(
            options.dataDir(), clock, pseudonyms, backends.auditSink(options.dataDir(), clock));
    this.config =
        ReloadableTenantConfig.builder(configFile(options))
            .clock(clock)
            .validator("rate limits", TenantRateLimitPolicies::problems)
            .validator("quotas", TenantQuotaPolicies::problems)
            .validator("waf", DemoWafPolicies::problems)
            .validator("registered plans", c -> RegisteredPlans.problems(registry, c))
            .listener(event -> lastReload.set(Optional.of(event)))
            .listener(audit.listener())
            .build();
    // The registry holds each tenant's plan (signups and changes since the file was written); the
    // file's plan covers only tenants it does not know.
    Function<TenantId, Optional<String>> planOf = id -> registry.find(id).map(Tenant::plan);
    this.protection =
        new DemoProtection(
            config.current(),
            ticker,
            audit,
            observability.meters,
            backends.rateLimiterStore(),
            planOf,
            ipRequestsPerMinute,
            trustedProxies);
    config.addApplier("rate limits", protection::apply);
    this.waf = new DemoWaf(options.waf(), options.dataDir(), config.current(), planOf);
    config.addApplier("waf", waf.policies::update);
    this.keys =
        aws.keyManager()
            .map(kms -> new DemoKeys(kms, options.dataDir(), clock, audit))
            .orElseGet(
                () ->
                    new DemoKeys(
                        DemoKeys.masterKey(options, System.getenv()),
                        options.dataDir(),
                        clock,
                        audit));
    this.posture = new DemoPosture(options, clock, config, keys.manager, registry);
    this.noteChanges = new NoteChangeJournal(options.dataDir(), clock);
    this.notes =
        new NoteStore(options.dataDir().resolve("notes"), keys.encryptor, clock, noteChanges);
    noteChanges.checkpointsBy(notes::checkpoint); // before the backups may truncate it
    this.tenantNotes = backends.notes(notes);
    // After the rate limits' and the WAF's appliers: it adds the quotas' and then the
    // provisioning's.
    this.tenancy =
        new DemoTenancy(
            options.dataDir(),
            clock,
            config,
            registry,
            keys,
            tenantNotes,
            audit,
            observability,
            backends);
    // GDPR requests go to the audit log (pseudonyms only); its verification is the compliance
    // report's "audit chain verified" evidence.
    this.privacy =
        new DemoPrivacy(
            options.dataDir(),
            clock,
            registry,
            tenantNotes,
            pseudonyms,
            event -> audit.log.logger().log(event.toAuditEvent()));
    this.backups =
        new DemoBackups(
            options.dataDir(),
            clock,
            ticker,
            notes,
            noteChanges,
            registry,
            audit,
            aws.backupStore());
    this.compliance =
        new DemoCompliance(
            registry,
            keys,
            clock,
            audit.log.integrityCheck(),
            new DemoRestoreEvidence(registry, backups.recovery()));
    this.scaling = new DemoScaling(scalingConfig, clock, DemoServices::logScaling);
    this.health = new DemoHealth(this, options, scalingConfig.health(), clock, ticker);
    this.cost =
        new DemoCost(
            priceBook,
            clock,
            options.dataDir(),
            tenancy.usage,
            scaling.usage(),
            registry,
            new CostWatch(clock, priceBook.currency(), audit.listener(), audit.listener()));
    this.regions =
        new DemoRegions(
            regionsConfig,
            backends.replicationChannel(),
            backends.hlcStateStore(options.dataDir()),
            clock,
            registry,
            () -> !health.registry.report(HealthCheckRegistry.READINESS).status().isFailing(),
            audit.listener());
  }

  /**
   * With a shared registry ({@code --postgres}), gives every live tenant that another instance
   * provisioned the per-instance state it needs here (a local key version, which the posture and
   * compliance checks expect); does nothing when the registry is this instance's own.
   */
  void adoptSharedTenants() {
    if (!backends.sharedRegistry()) {
      return;
    }
    for (Tenant tenant : registry.list()) {
      if (tenant.status() == TenantStatus.ACTIVE || tenant.status() == TenantStatus.SUSPENDED) {
        keys.adopt(tenant.id());
      }
    }
  }

  /** Logs the autoscaler's scale requests, alerts and failures; decisions only at debug. */
  private static void logScaling(ScalingEvent event) {
    if (event instanceof ScalingEvent.Decided decided) {
      LOG.debug("scaling decision: {}", decided.decision());
    } else if (event instanceof ScalingEvent.Scaled scaled) {
      LOG.info("scaling {}: {} -> {} replicas", scaled.workload(), scaled.from(), scaled.to());
    } else if (event instanceof ScalingEvent.AlertRaised raised) {
      LOG.warn("scaling alert raised: {}", raised.alert());
    } else if (event instanceof ScalingEvent.AlertResolved resolved) {
      LOG.info("scaling alert resolved: {}", resolved.alert());
    } else if (event instanceof ScalingEvent.Failed failed) {
      LOG.warn("scaling {} failed: {}", failed.stage(), failed.error());
    }
  }

  /**
   * Reloads {@code tenants.yaml} if it changed: every consumer takes it (rate limits, quotas, then
   * provisioning of the tenants it newly lists) or, if any finds a problem or fails, none does.
   */
  ReloadResult reloadConfig() {
    return config.reloadIfChanged();
  }

  private static Path configFile(DemoOptions options) throws IOException {
    return fileOrBundled(options.config(), options.dataDir(), "tenants.yaml");
  }

  /** The {@code scaling.yaml} next to {@code tenants.yaml}, else the bundled one. */
  private static Path scalingFile(DemoOptions options) throws IOException {
    return siblingOrBundled(options, "scaling.yaml");
  }

  /** The file {@code name} next to {@code tenants.yaml}, else the bundled one. */
  private static Path siblingOrBundled(DemoOptions options, String name) throws IOException {
    Path sibling = options.config().toAbsolutePath().resolveSibling(name);
    return fileOrBundled(sibling, options.dataDir(), name);
  }

  /**
   * Returns {@code file} if it exists, else the copy of the bundled {@code
   * /config/production/<name>} extracted into the data directory (on first use; later edits to the
   * extracted copy are kept).
   */
  private static Path fileOrBundled(Path file, Path dataDir, String name) throws IOException {
    if (Files.exists(file)) {
      return file;
    }
    Path extracted = dataDir.resolve(name);
    try (InputStream in = DemoServices.class.getResourceAsStream("/config/production/" + name)) {
      if (in == null) {
        throw new IOException("no bundled " + name + " and none at " + file);
      }
      if (!Files.exists(extracted)) {
        Files.copy(in, extracted);
      }
    }
    LOG.info("{} not found; using {}", file, extracted);
    return extracted;
  }

  @Override
  public void close() {
    observability.close(); // never throws
    scaling.close(); // never throws
    health.close();
    privacy.close(); // never throws
    try {
      backups.close();
    } catch (RuntimeException e) {
      LOG.warn("closing the backups failed", e);
    }
    try {
      tenancy.close();
    } finally {
      try {
        try {
          notes.close();
        } finally {
          noteChanges.close();
        }
      } finally {
        try {
          keys.close();
        } finally {
          try {
            audit.close();
          } finally {
            try {
              pseudonyms.close();
            } finally {
              try {
                backends.close();
              } finally {
                aws.close();
              }
            }
          }
        }
      }
    }
  }
}
