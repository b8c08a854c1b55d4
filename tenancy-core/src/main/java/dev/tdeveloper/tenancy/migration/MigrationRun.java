package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.routing.TenantRouter;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Drives one migration from its journaled state to a terminal phase, recording each step in the
 * journal before moving on. Every step is idempotent, so a run interrupted anywhere can be resumed
 * from the journal. Confined to one thread.
 */
final class MigrationRun {
  private final TenantRouter router;
  private final TenantDataStore source;
  private final TenantDataStore target;
  private final InstantSource clock;
  private final MigrationJournal journal;
  private final int batchSize;
  private final Listeners<MigrationEvent> listeners;
  private final MigrationPlan plan;
  private final TenantId tenant;
  private MigrationState state;

  MigrationRun(
      TenantRouter router,
      TenantDataStore source,
      TenantDataStore target,
      InstantSource clock,
      MigrationJournal journal,
      int batchSize,
      Listeners<MigrationEvent> listeners,
      MigrationState state) {
    this.router = router;
    this.source = source;
    this.target = target;
    this.clock = clock;
    this.journal = journal;
    this.batchSize = batchSize;
    this.listeners = listeners;
    this.plan = state.plan();
    this.tenant = plan.tenant();
    this.state = state;
  }

  /**
   * Runs the remaining phases.
   *
   * @return the final, completed state
   * @throws MigrationVerificationException if the copy differs from the source
   * @throws MigrationInterruptedException if a store, the router or the journal failed
   */
  MigrationState run() {
    while (!state.phase().isTerminal()) {
      try {
        step();
      } catch (MigrationVerificationException e) {
        throw e;
      } catch (RuntimeException e) {
        MigrationState interrupted = state.interrupted(String.valueOf(e), clock.instant());
        try {
          journal.update(interrupted);
          state = interrupted;
        } catch (RuntimeException journalFailure) {
          e.addSuppressed(journalFailure);
        }
        listeners.publish(
            new MigrationEvent.Interrupted(
                plan.id(), tenant, state.phase(), String.valueOf(e), clock.instant()));
        throw new MigrationInterruptedException(state, e);
      }
    }
    return state;
  }

  private void step() {
    switch (state.phase()) {
      case PLANNED -> {
        if (plan.overwriteTarget()) {
          target.deleteAll(tenant);
        }
        enter(MigrationPhase.COPYING);
      }
      case COPYING -> {
        copy();
        enter(MigrationPhase.VERIFYING);
      }
      case VERIFYING -> verify();
      case CUTOVER -> {
        router.pin(tenant, plan.target());
        enter(MigrationPhase.CLEANUP);
      }
      case CLEANUP -> {
        source.deleteAll(tenant);
        enter(MigrationPhase.COMPLETED);
      }
      default -> throw new IllegalStateException("no step from phase " + state.phase());
    }
  }

  private void copy() {
    Optional<String> after = state.lastCopiedKey();
    while (true) {
      List<DataRecord> batch = source.export(tenant, after, batchSize);
      if (batch.isEmpty()) {
        return;
      }
      requireOrdered(batch, after);
      target.importBatch(tenant, batch);
      String lastKey = batch.get(batch.size() - 1).key();
      MigrationState next = state.copied(lastKey, batch.size(), clock.instant());
      journal.update(next);
      state = next;
      listeners.publish(
          new MigrationEvent.BatchCopied(
              plan.id(), tenant, batch.size(), next.copiedRecords(), lastKey, next.updatedAt()));
      if (batch.size() < batchSize) {
        return;
      }
      after = Optional.of(lastKey);
    }
  }

  /** Guards against a store that ignores the cursor, which would copy forever or skip records. */
  private void requireOrdered(List<DataRecord> batch, Optional<String> after) {
    if (batch.size() > batchSize) {
      throw new IllegalStateException(
          "store '"
              + source.name()
              + "' exported "
              + batch.size()
              + " > "
              + batchSize
              + " records");
    }
    String previous = after.orElse(null);
    for (DataRecord record : batch) {
      if (previous != null && DataRecord.KEY_ORDER.compare(previous, record.key()) >= 0) {
        throw new IllegalStateException(
            "store '"
                + source.name()
                + "' exported key '"
                + record.key()
                + "' after '"
                + previous
                + "': keys must be strictly ascending");
      }
      previous = record.key();
    }
  }

  private void verify() {
    Checksum sourceChecksum = source.checksum(tenant);
    Checksum targetChecksum = target.checksum(tenant);
    if (sourceChecksum.equals(targetChecksum)) {
      enter(MigrationPhase.CUTOVER);
      return;
    }
    MigrationVerificationException failure =
        new MigrationVerificationException(plan, sourceChecksum, targetChecksum);
    try {
      target.deleteAll(tenant);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
    MigrationState failed =
        state.finished(MigrationPhase.FAILED, failure.getMessage(), clock.instant());
    journal.update(failed);
    state = failed;
    listeners.publish(
        new MigrationEvent.VerificationFailed(
            plan.id(), tenant, sourceChecksum, targetChecksum, failed.updatedAt()));
    listeners.publish(
        new MigrationEvent.PhaseEntered(
            plan.id(), tenant, MigrationPhase.FAILED, failed.updatedAt()));
    throw failure;
  }

  private void enter(MigrationPhase phase) {
    MigrationState next = state.enter(phase, clock.instant());
    journal.update(next);
    state = next;
    listeners.publish(new MigrationEvent.PhaseEntered(plan.id(), tenant, phase, next.updatedAt()));
  }
}
