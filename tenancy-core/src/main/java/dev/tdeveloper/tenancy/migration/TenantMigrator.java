package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.migration.MigrationChecks.Endpoints;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.routing.TenantRouter;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves one tenant's data from the store of the shard it is routed to into another shard's store,
 * then routes the tenant there: copy in batches (journaled after each, so a crash loses at most one
 * batch, which is copied again) → verify (source and target checksums equal) → cutover ({@link
 * TenantRouter#pin}) → cleanup (delete the source copy). A copy that does not verify is never cut
 * over, and the source is never changed before cutover.
 *
 * <p>The application must stop writing the tenant's data while it is migrated (for example by
 * putting the tenant in a read-only status); a write during the copy is caught by verification,
 * which fails the migration safely.
 *
 * <p>Thread-safe. Migrations of different tenants may run concurrently; a second migration of a
 * tenant is refused while one is unfinished. Built with {@link #builder()}.
 */
public final class TenantMigrator {
  private final TenantRouter router;
  private final InstantSource clock;
  private final MigrationJournal journal;
  private final int batchSize;
  private final boolean overwriteTarget;
  private final Listeners<MigrationEvent> listeners;
  private final MigrationChecks checks;
  private final Set<TenantId> running = ConcurrentHashMap.newKeySet();

  TenantMigrator(
      TenantRouter router,
      Map<ShardId, TenantDataStore> stores,
      InstantSource clock,
      MigrationJournal journal,
      int batchSize,
      boolean overwriteTarget,
      Listeners<MigrationEvent> listeners) {
    this.router = router;
    this.clock = clock;
    this.journal = journal;
    this.batchSize = batchSize;
    this.overwriteTarget = overwriteTarget;
    this.listeners = listeners;
    this.checks = new MigrationChecks(router, stores, journal);
  }

  /** Returns a builder. */
  public static TenantMigratorBuilder builder() {
    return new TenantMigratorBuilder();
  }

  /** Returns the journal this migrator records migrations in. */
  public MigrationJournal journal() {
    return journal;
  }

  /**
   * Plans moving {@code tenant} from {@code source} to {@code target}, reading the source's
   * checksum. Writes nothing.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code source} equals {@code target}, a shard has no store,
   *     or {@code target} is not one of the router's shards
   * @throws IllegalStateException if the tenant is not routed to {@code source}, has an unfinished
   *     migration, or already has records in the target (unless overwriting is configured)
   */
  public MigrationPlan plan(TenantId tenant, ShardId source, ShardId target) {
    Endpoints endpoints = checks.endpoints(tenant, source, target);
    MigrationChecks.requireNone(checks.blockers(tenant, source, endpoints, overwriteTarget, -1));
    Checksum checksum = endpoints.source().checksum(tenant);
    return new MigrationPlan(
        UUID.randomUUID(),
        tenant,
        source,
        target,
        endpoints.source().name(),
        endpoints.target().name(),
        checksum.count(),
        checksum,
        overwriteTarget,
        clock.instant());
  }

  /**
   * Reports what migrating {@code tenant} from {@code source} to {@code target} would copy, and
   * what would stop it from starting. Reads both stores; writes nothing anywhere (no store, no
   * journal, no router change, no event).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #plan} does for bad arguments
   */
  public DryRunReport dryRun(TenantId tenant, ShardId source, ShardId target) {
    Endpoints endpoints = checks.endpoints(tenant, source, target);
    long targetCount = endpoints.target().checksum(tenant).count();
    return DryRunReport.scan(
        tenant,
        source,
        target,
        endpoints.source(),
        batchSize,
        targetCount,
        checks.blockers(tenant, source, endpoints, overwriteTarget, targetCount));
  }

  /**
   * Runs a planned migration to completion: copy, verify, cutover, cleanup.
   *
   * @return the completed migration's state
   * @throws NullPointerException if {@code plan} is null
   * @throws IllegalArgumentException as {@link #plan} does, or if the plan's id was already used
   * @throws IllegalStateException if the migration may not start (as {@link #plan} says), the
   *     tenant is being migrated already, a shard's store changed since the plan, or the plan
   *     overwrites the target and this migrator is not configured to; nothing is written
   * @throws MigrationVerificationException if the copy differs from the source; no cutover
   * @throws MigrationInterruptedException if a store, the router or the journal failed; resumable
   */
  public MigrationState migrate(MigrationPlan plan) {
    Objects.requireNonNull(plan, "plan");
    TenantId tenant = plan.tenant();
    Endpoints endpoints = checks.endpoints(plan);
    if (plan.overwriteTarget() && !overwriteTarget) {
      throw new IllegalStateException(
          "migration " + plan.id() + " overwrites the target; configure overwriteTarget(true)");
    }
    claim(tenant);
    try {
      MigrationChecks.requireNone(
          checks.blockers(tenant, plan.source(), endpoints, plan.overwriteTarget(), -1));
      MigrationState state = MigrationState.planned(plan, clock.instant());
      if (!journal.tryBegin(state)) {
        throw new IllegalStateException(
            "tenant '" + tenant + "' has an unfinished migration; resume or abort it first");
      }
      listeners.publish(
          new MigrationEvent.PhaseEntered(
              plan.id(), tenant, MigrationPhase.PLANNED, state.updatedAt()));
      return run(state, endpoints);
    } finally {
      running.remove(tenant);
    }
  }

  /**
   * Continues an interrupted migration from its journaled state: the copy continues after its last
   * journaled batch; a later phase is repeated (each is idempotent).
   *
   * @return the completed migration's state
   * @throws IllegalArgumentException if the journal has no migration with {@code migrationId}
   * @throws IllegalStateException if it has finished, is running, or a store changed since planned
   * @throws MigrationVerificationException if the copy differs from the source; no cutover
   * @throws MigrationInterruptedException if it was interrupted again
   */
  public MigrationState resume(UUID migrationId) {
    MigrationState state = checks.unfinished(migrationId);
    Endpoints endpoints = checks.endpoints(state.plan());
    claim(state.plan().tenant());
    try {
      return run(checks.unfinished(migrationId), endpoints);
    } finally {
      running.remove(state.plan().tenant());
    }
  }

  /**
   * Gives up an unfinished migration that has not reached cutover: removes the partial copy from
   * the target and records it as {@link MigrationPhase#ABORTED}. The source and the router are
   * untouched.
   *
   * @return the aborted migration's state
   * @throws IllegalArgumentException if the journal has no migration with {@code migrationId}
   * @throws IllegalStateException if it has finished, is running, or has reached cutover (resume it
   *     instead)
   */
  public MigrationState abort(UUID migrationId) {
    MigrationState state = checks.unfinished(migrationId);
    MigrationPlan plan = state.plan();
    if (state.phase() == MigrationPhase.CUTOVER || state.phase() == MigrationPhase.CLEANUP) {
      throw new IllegalStateException(
          "migration " + migrationId + " is in phase " + state.phase() + "; resume it to finish");
    }
    Endpoints endpoints = checks.endpoints(plan);
    claim(plan.tenant());
    try {
      endpoints.target().deleteAll(plan.tenant());
      MigrationState aborted =
          state.finished(
              MigrationPhase.ABORTED, "aborted in phase " + state.phase(), clock.instant());
      journal.update(aborted);
      listeners.publish(
          new MigrationEvent.PhaseEntered(
              plan.id(), plan.tenant(), MigrationPhase.ABORTED, aborted.updatedAt()));
      return aborted;
    } finally {
      running.remove(plan.tenant());
    }
  }

  private MigrationState run(MigrationState state, Endpoints endpoints) {
    return new MigrationRun(
            router,
            endpoints.source(),
            endpoints.target(),
            clock,
            journal,
            batchSize,
            listeners,
            state)
        .run();
  }

  private void claim(TenantId tenant) {
    if (!running.add(tenant)) {
      throw new IllegalStateException("a migration of tenant '" + tenant + "' is already running");
    }
  }
}
