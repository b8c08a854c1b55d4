package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.demo.notes.Notes;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.config.ReloadableTenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.provision.LifecycleOperation;
import dev.tdeveloper.tenancy.provision.ProvisioningEvent;
import dev.tdeveloper.tenancy.provision.ProvisioningFailedException;
import dev.tdeveloper.tenancy.provision.ProvisioningStep;
import dev.tdeveloper.tenancy.provision.TenantProvisioner;
import dev.tdeveloper.tenancy.quota.QuotaEnforcer;
import dev.tdeveloper.tenancy.quota.TenantQuotaPolicies;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.usage.Aggregation;
import dev.tdeveloper.tenancy.usage.MeterDefinition;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import dev.tdeveloper.tenancy.usage.file.FileUsageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenancy wiring of the demo: tenants provisioned by a saga (their key version and notes space;
 * crypto-shredding and the notes dropped at offboarding) into the registry, with the saga journal
 * durable under {@code <data>/provisioning.journal}, notes quotas by plan with their counters in a
 * durable local store under {@code <data>/quotas} (so a monthly quota survives restarts), and usage
 * metered into a durable local event log under {@code <data>/usage}. On construction it resumes
 * every saga a crash interrupted and registers, on the reloadable {@code tenants.yaml}, the quotas'
 * applier and then the provisioning of newly listed tenants (which must stay last: see {@link
 * DemoServices}). Thread-safe.
 */
final class DemoTenancy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoTenancy.class);

  /** Meter of API requests per tenant and hour. */
  static final String API_REQUESTS = "api_requests";

  /** Meter of notes created per tenant and hour. */
  static final String NOTES_CREATED = "notes_created";

  final ProvisioningJournal journal;
  final TenantProvisioner provisioner;
  final QuotaStore quotaStore; // local files, or Redis with --redis
  final TenantQuotaPolicies quotaPolicies;
  final QuotaEnforcer quotas;
  final UsageStore usageStore; // a local event log, or PostgreSQL with --postgres
  final UsageMeter usage;
  private final TenantRegistry registry;
  private final DemoObservability observability;

  DemoTenancy(
      Path dataDir,
      InstantSource clock,
      ReloadableTenantConfig config,
      TenantRegistry registry,
      DemoKeys keys,
      Notes notes,
      DemoAudit audit,
      DemoObservability observability,
      DemoBackends backends) {
    this.registry = registry;
    this.observability = observability;
    ProvisioningStep notesSpace =
        ProvisioningStep.of(
            "notes-space",
            ctx -> {
              if (notes.createSpace(ctx.tenant().id())) {
                ctx.put("notes-space.created", "true");
              }
            },
            ctx -> {
              if (ctx.get("notes-space.created").isPresent()) {
                notes.dropSpace(ctx.tenant().id());
              } else {
                notes.closeSpace(ctx.tenant().id()); // notes from before this saga stay on disk
              }
            });
    this.journal = ProvisioningJournal.openFile(dataDir.resolve("provisioning.journal"));
    this.provisioner =
        TenantProvisioner.builder()
            .registry(registry)
            .clock(clock)
            .journal(journal)
            .provisionSteps(List.of(keys.provisionStep(), notesSpace))
            .offboardSteps(
                List.of(
                    keys.shredStep(),
                    ProvisioningStep.of(
                        "drop-notes", ctx -> notes.dropSpace(ctx.tenant().id()), ctx -> {})))
            .listener(event -> LOG.debug("provisioning: {}", event))
            .listener(audit.listener(DemoTenancy::auditedProvisioning))
            .listener(this::countSignup)
            .listener(observability.meters.provisioningListener())
            .build();
    this.quotaStore = backends.quotaStore(dataDir, clock);
    // Each tenant's quotas are its registered plan's (a tenant created at run time included).
    this.quotaPolicies =
        TenantQuotaPolicies.of(config.current(), id -> registry.find(id).map(Tenant::plan));
    config.addApplier("quotas", quotaPolicies::update);
    this.quotas =
        QuotaEnforcer.builder()
            .store(quotaStore)
            .clock(clock)
            .policies(quotaPolicies)
            .listener(audit.listener())
            .listener(observability.meters.quotaListener())
            .timeZones(id -> registry.find(id).map(Tenant::timeZone).orElse(ZoneId.of("UTC")))
            .build();
    this.usageStore = backends.usageStore(dataDir);
    this.usage =
        UsageMeter.builder()
            .store(usageStore)
            .clock(clock)
            .meter(
                MeterDefinition.of(
                    API_REQUESTS, Aggregation.COUNT, Duration.ofHours(1), Duration.ofMinutes(5)))
            .meter(
                MeterDefinition.of(
                    NOTES_CREATED, Aggregation.SUM, Duration.ofHours(1), Duration.ofMinutes(5)))
            .listener(observability.meters.usageListener())
            .build();
    compactUsageStore();
    provisioner.resumeIncomplete();
    config.addApplier("provisioning", this::provisionListedTenants);
  }

  /**
   * Deletes the usage segments holding only events the meter never needs again (the provisioning
   * journal compacts itself). Runs at startup; safe to schedule (for example daily) as a job.
   *
   * @return how many segments were deleted
   */
  int compactUsageStore() {
    if (!(usageStore instanceof FileUsageStore files)) {
      return 0; // PostgreSQL keeps its rows: retention is the database's business
    }
    int dropped = files.compact(usage.storeHorizon());
    if (dropped > 0) {
      LOG.info("usage store: compacted away {} old segments", dropped);
    }
    return dropped;
  }

  /** Audits the outcome of each saga and failed steps, not the routine step transitions. */
  private static boolean auditedProvisioning(ProvisioningEvent event) {
    return !(event instanceof ProvisioningEvent.StepStarted
        || event instanceof ProvisioningEvent.StepCompleted);
  }

  /** Counts a completed provisioning saga as a signup in the business metrics. */
  private void countSignup(ProvisioningEvent event) {
    if (event instanceof ProvisioningEvent.SagaCompleted done
        && done.operation() == LifecycleOperation.PROVISION) {
      observability.business.increment(DemoObservability.SIGNUPS, done.tenantId());
    }
  }

  /** Meters a created note (its tenant-scoped id makes the usage event idempotent). */
  void recordNoteCreated(Note note) {
    TenantId tenant = TenantContext.require();
    usage.record(UsageEvent.of(tenant, NOTES_CREATED, 1, note.createdAt(), "note-" + note.id()));
    observability.business.increment(DemoObservability.NOTES_CREATED, tenant);
    LOG.info("tenant {}: note {} created: {}", tenant, note.id(), DemoLog.excerpt(note.text()));
  }

  /** Provisions every tenant {@code listing} names that the registry does not hold yet. */
  private void provisionListedTenants(TenantConfig listing) {
    for (Tenant listed : listing.tenants()) {
      if (registry.find(listed.id()).isEmpty()) {
        try {
          provisioner.provision(listed.toBuilder().status(TenantStatus.PROVISIONING).build());
          LOG.info("provisioned tenant '{}' on plan {}", listed.id(), listed.plan());
        } catch (TenantAlreadyExistsException e) {
          // With a shared registry (--postgres) another instance starting at the same time won
          // the race; the registry refused before any step ran, so nothing needs undoing.
          LOG.info("tenant '{}' was provisioned by another instance", listed.id());
        } catch (ProvisioningFailedException e) {
          // The same race, lost when the saga records the tenant (SagaDriver.create): the refusal
          // comes wrapped, and it happens before any step runs, so nothing of the winner's is
          // undone.
          if (!(e.getCause() instanceof TenantAlreadyExistsException)) {
            throw e;
          }
          LOG.info("tenant '{}' was provisioned by another instance", listed.id());
        }
      }
    }
  }

  /**
   * Closes the usage store, the quota store and the provisioning journal, each even if one fails.
   */
  @Override
  public void close() {
    try {
      usageStore.close();
    } finally {
      try {
        if (quotaStore instanceof AutoCloseable closeable) {
          closeable.close(); // the file store's files, or the Redis store's connection
        }
      } catch (Exception e) {
        LOG.warn("closing the quota store failed", e);
      } finally {
        try {
          journal.close();
        } catch (Exception e) {
          LOG.warn("closing the provisioning journal failed", e);
        }
      }
    }
  }
}
