package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.config.ReloadResult;
import dev.tdeveloper.tenancy.config.ReloadableTenantConfig;
import dev.tdeveloper.tenancy.config.TenantSettings;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.provision.ProvisioningStep;
import dev.tdeveloper.tenancy.provision.TenantProvisioner;
import dev.tdeveloper.tenancy.quota.QuotaEnforcer;
import dev.tdeveloper.tenancy.quota.QuotaPeriod;
import dev.tdeveloper.tenancy.quota.QuotaPolicy;
import dev.tdeveloper.tenancy.quota.file.FileQuotaStore;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.time.Ticker;
import dev.tdeveloper.tenancy.usage.Aggregation;
import dev.tdeveloper.tenancy.usage.MeterDefinition;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import dev.tdeveloper.tenancy.usage.file.FileUsageStore;
import dev.tdeveloper.tenancy.usage.file.FsyncPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenancy components of the demo, wired on their embedded defaults: tenants from {@code
 * tenants.yaml} provisioned by a saga into the in-memory registry, notes quotas by plan with their
 * counters in a durable local store under {@code <data>/quotas} (so a monthly quota survives
 * restarts), usage metered into a durable local event log, and the traffic protection (abuse
 * shield, rate limits by plan). Thread-safe.
 */
final class DemoServices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoServices.class);

  /** Meter of API requests per tenant and hour. */
  static final String API_REQUESTS = "api_requests";

  /** Meter of notes created per tenant and hour. */
  static final String NOTES_CREATED = "notes_created";

  final InstantSource clock;
  final ReloadableTenantConfig config;
  final TenantRegistry registry = new InMemoryTenantRegistry();
  final NoteStore notes;
  final ProvisioningJournal journal;
  final TenantProvisioner provisioner;
  final FileQuotaStore quotaStore;
  final QuotaEnforcer quotas;
  final FileUsageStore usageStore;
  final UsageMeter usage;
  final DemoProtection protection;

  DemoServices(DemoOptions options, InstantSource clock, Ticker ticker) throws IOException {
    this.clock = clock;
    Files.createDirectories(options.dataDir());
    this.config =
        ReloadableTenantConfig.builder(configFile(options))
            .listener(event -> LOG.info("tenants.yaml reload: {}", event.result()))
            .build();
    this.protection = new DemoProtection(config.current(), ticker);
    this.notes = new NoteStore(clock);
    ProvisioningStep notesSpace =
        ProvisioningStep.of(
            "notes-space",
            ctx -> notes.createSpace(ctx.tenant().id()),
            ctx -> notes.dropSpace(ctx.tenant().id()));
    this.journal = ProvisioningJournal.openFile(options.dataDir().resolve("provisioning.journal"));
    this.provisioner =
        TenantProvisioner.builder()
            .registry(registry)
            .clock(clock)
            .journal(journal)
            .provisionSteps(List.of(notesSpace))
            .offboardSteps(
                List.of(
                    ProvisioningStep.of(
                        "drop-notes", ctx -> notes.dropSpace(ctx.tenant().id()), ctx -> {})))
            .listener(event -> LOG.debug("provisioning: {}", event))
            .build();
    this.quotaStore =
        FileQuotaStore.builder(options.dataDir().resolve("quotas")).clock(clock).open();
    this.quotas =
        QuotaEnforcer.builder()
            .store(quotaStore)
            .clock(clock)
            .policies(this::quotaPolicy)
            .timeZones(id -> registry.find(id).map(Tenant::timeZone).orElse(ZoneId.of("UTC")))
            .build();
    this.usageStore =
        FileUsageStore.builder(options.dataDir().resolve("usage"))
            .fsyncPolicy(FsyncPolicy.GROUP_COMMIT)
            .open();
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
            .build();
    compactUsageStore();
    provisioner.resumeIncomplete();
    provisionListedTenants();
  }

  /**
   * Deletes the usage segments holding only events the meter never needs again (the provisioning
   * journal compacts itself). Runs at startup; safe to schedule (for example daily) as a job.
   *
   * @return how many segments were deleted
   */
  int compactUsageStore() {
    int dropped = usageStore.compact(usage.storeHorizon());
    if (dropped > 0) {
      LOG.info("usage store: compacted away {} old segments", dropped);
    }
    return dropped;
  }

  /** Reads a plan's {@code quota.<resource>.limit/period} settings as a quota policy. */
  private Optional<QuotaPolicy> quotaPolicy(TenantId tenant, String resource) {
    TenantSettings settings = config.current().settingsFor(tenant);
    return settings
        .getLong("quota." + resource + ".limit")
        .map(
            limit ->
                QuotaPolicy.of(
                    resource,
                    limit,
                    QuotaPeriod.valueOf(
                        settings.getString("quota." + resource + ".period").orElse("DAY"))));
  }

  /** Meters a created note (its tenant-scoped id makes the usage event idempotent). */
  void recordNoteCreated(Note note) {
    TenantId tenant = TenantContext.require();
    usage.record(UsageEvent.of(tenant, NOTES_CREATED, 1, note.createdAt(), "note-" + note.id()));
  }

  /** Provisions every tenant listed in the configuration that the registry does not hold yet. */
  void provisionListedTenants() {
    for (Tenant listed : config.current().tenants()) {
      if (registry.find(listed.id()).isEmpty()) {
        provisioner.provision(listed.toBuilder().status(TenantStatus.PROVISIONING).build());
        LOG.info("provisioned tenant '{}' on plan {}", listed.id(), listed.plan());
      }
    }
  }

  /**
   * Reloads {@code tenants.yaml} if it changed, applying its rate limits and provisioning tenants
   * it newly lists.
   */
  void reloadConfig() {
    if (config.reloadIfChanged() instanceof ReloadResult.Reloaded reloaded) {
      protection.reload(reloaded.config());
      provisionListedTenants();
    }
  }

  private static Path configFile(DemoOptions options) throws IOException {
    if (Files.exists(options.config())) {
      return options.config();
    }
    Path extracted = options.dataDir().resolve("tenants.yaml");
    try (InputStream in =
        DemoServices.class.getResourceAsStream("/config/production/tenants.yaml")) {
      if (in == null) {
        throw new IOException("no bundled tenants.yaml and none at " + options.config());
      }
      if (!Files.exists(extracted)) {
        Files.copy(in, extracted);
      }
    }
    LOG.info("{} not found; using {}", options.config(), extracted);
    return extracted;
  }

  @Override
  public void close() {
    try {
      usageStore.close();
    } finally {
      try {
        quotaStore.close();
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
