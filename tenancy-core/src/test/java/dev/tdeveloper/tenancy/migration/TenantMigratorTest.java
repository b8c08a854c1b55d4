package dev.tdeveloper.tenancy.migration;

import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_1;
import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_2;
import static dev.tdeveloper.tenancy.migration.MigrationFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantMigratorTest {
  private final MigrationFixture fx = new MigrationFixture();
  private final TenantId tenant = fx.tenantOn(CELL_1, 0);

  @Test
  void copiesVerifiesCutsOverAndCleansUp() {
    List<DataRecord> records = records("k", 1_234);
    fx.store1.delegate.importBatch(tenant, records);
    TenantMigrator migrator = fx.migrator().batchSize(100).build();

    MigrationPlan plan = migrator.plan(tenant, CELL_1, CELL_2);
    assertThat(plan.recordCount()).isEqualTo(1_234);
    assertThat(plan.sourceChecksum()).isEqualTo(Checksum.of(records));
    assertThat(plan.sourceStore()).isEqualTo("store-1");
    assertThat(plan.targetStore()).isEqualTo("store-2");
    MigrationState done = migrator.migrate(plan);

    assertThat(done.phase()).isEqualTo(MigrationPhase.COMPLETED);
    assertThat(done.copiedRecords()).isEqualTo(1_234);
    assertThat(done.lastCopiedKey()).contains("k01233");
    assertThat(fx.store2.all(tenant)).containsExactlyElementsOf(records);
    assertThat(fx.store1.all(tenant)).isEmpty();
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_2);
    assertThat(fx.router.pinOf(tenant)).contains(CELL_2);
    assertThat(fx.journal.find(plan.id())).contains(done);
    assertThat(fx.phases())
        .containsExactly(
            MigrationPhase.PLANNED,
            MigrationPhase.COPYING,
            MigrationPhase.VERIFYING,
            MigrationPhase.CUTOVER,
            MigrationPhase.CLEANUP,
            MigrationPhase.COMPLETED);
    List<MigrationEvent.BatchCopied> batches =
        fx.events.stream()
            .filter(MigrationEvent.BatchCopied.class::isInstance)
            .map(MigrationEvent.BatchCopied.class::cast)
            .toList();
    assertThat(batches).hasSize(13);
    assertThat(batches.get(12).copiedRecords()).isEqualTo(1_234);
    assertThat(batches.get(12).records()).isEqualTo(34);
    assertThat(fx.events)
        .extracting(MigrationEvent::at)
        .isSorted()
        .allSatisfy(at -> assertThat(at).isAfter(plan.plannedAt()));
  }

  @Test
  void migratesATenantWithoutRecords() {
    TenantMigrator migrator = fx.migrator().build();
    MigrationState done = migrator.migrate(migrator.plan(tenant, CELL_1, CELL_2));
    assertThat(done.phase()).isEqualTo(MigrationPhase.COMPLETED);
    assertThat(done.copiedRecords()).isZero();
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_2);
  }

  @Test
  void dryRunReportsWithoutWritingAnything() {
    fx.store1.delegate.importBatch(tenant, records("k", 25));
    long routerVersion = fx.router.table().version();

    DryRunReport report = fx.migrator().batchSize(10).build().dryRun(tenant, CELL_1, CELL_2);

    assertThat(report.wouldStart()).isTrue();
    assertThat(report.recordCount()).isEqualTo(25);
    assertThat(report.batches()).isEqualTo(3);
    assertThat(report.firstKey()).contains("k00000");
    assertThat(report.lastKey()).contains("k00024");
    assertThat(report.totalBytes()).isEqualTo(25 * 6 + 10 * 2 + 15 * 3);
    assertThat(report.sourceChecksum()).isEqualTo(Checksum.of(records("k", 25)));
    assertThat(report.targetRecordCount()).isZero();
    assertThat(fx.store1.writes()).isEmpty();
    assertThat(fx.store2.writes()).isEmpty();
    assertThat(fx.journal.list()).isEmpty();
    assertThat(fx.router.table().version()).isEqualTo(routerVersion);
    assertThat(fx.events).isEmpty();
  }

  @Test
  void dryRunListsWhatWouldBlockTheMigration() {
    TenantId elsewhere = fx.tenantOn(CELL_2, 0);
    fx.store2.delegate.importBatch(elsewhere, records("stale", 2));
    DryRunReport report = fx.migrator().build().dryRun(elsewhere, CELL_1, CELL_2);
    assertThat(report.wouldStart()).isFalse();
    assertThat(report.targetRecordCount()).isEqualTo(2);
    assertThat(report.blockers())
        .hasSize(2)
        .anySatisfy(b -> assertThat(b).contains("is routed to shard 'cell-2', not to source"))
        .anySatisfy(b -> assertThat(b).contains("already has records in target store 'store-2'"));
  }

  @Test
  void refusesWhenTheTargetHoldsTenantDataUnlessOverwriting() {
    fx.store1.delegate.importBatch(tenant, records("k", 5));
    fx.store2.delegate.importBatch(tenant, records("stale", 3));
    TenantMigrator careful = fx.migrator().build();
    assertThatThrownBy(() -> careful.plan(tenant, CELL_1, CELL_2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already has records in target store 'store-2'")
        .hasMessageContaining("overwriteTarget(true)");

    TenantMigrator overwriting = fx.migrator().overwriteTarget(true).build();
    MigrationPlan plan = overwriting.plan(tenant, CELL_1, CELL_2);
    assertThatThrownBy(() -> careful.migrate(plan))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("configure overwriteTarget(true)");
    assertThat(fx.store2.all(tenant)).hasSize(3);

    overwriting.migrate(plan);
    assertThat(fx.store2.all(tenant)).containsExactlyElementsOf(records("k", 5));
  }

  @Test
  void refusesBadArgumentsWithoutWriting() {
    TenantMigrator migrator = fx.migrator().build();
    assertThatThrownBy(() -> migrator.plan(tenant, CELL_1, CELL_1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target must differ from source, both were 'cell-1'");
    fx.router.addShard(ShardId.of("cell-3"));
    assertThatThrownBy(() -> migrator.plan(tenant, CELL_1, ShardId.of("cell-3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "no store for target shard 'cell-3'; stores are for shards [cell-1, cell-2]");
    assertThatThrownBy(() -> migrator.plan(tenant, CELL_1, ShardId.of("cell-9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not one of the router's shards");
    assertThatThrownBy(() -> migrator.plan(fx.tenantOn(CELL_2, 0), CELL_1, CELL_2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not to source 'cell-1'");
    assertThatThrownBy(() -> migrator.plan(null, CELL_1, CELL_2))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tenant");
    assertThatThrownBy(() -> migrator.migrate(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("plan");
    assertThat(fx.store1.writes()).isEmpty();
    assertThat(fx.store2.writes()).isEmpty();
    assertThat(fx.journal.list()).isEmpty();
  }

  @Test
  void aPlanRunsOnlyOnce() {
    TenantMigrator migrator = fx.migrator().build();
    MigrationPlan plan = migrator.plan(tenant, CELL_1, CELL_2);
    migrator.migrate(plan);
    assertThatThrownBy(() -> migrator.migrate(plan))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("routed to shard 'cell-2'");
    assertThatThrownBy(() -> migrator.resume(plan.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already finished in phase COMPLETED");
  }

  @Test
  void migratesBackAndForth() {
    fx.store1.delegate.importBatch(tenant, records("k", 30));
    TenantMigrator migrator = fx.migrator().batchSize(7).build();
    migrator.migrate(migrator.plan(tenant, CELL_1, CELL_2));
    migrator.migrate(migrator.plan(tenant, CELL_2, CELL_1));
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_1);
    assertThat(fx.store1.all(tenant)).containsExactlyElementsOf(records("k", 30));
    assertThat(fx.store2.all(tenant)).isEmpty();
    assertThat(fx.journal.list())
        .extracting(MigrationState::phase)
        .containsOnly(MigrationPhase.COMPLETED);
  }

  @Test
  void builderValidatesItsSettings() {
    assertThatThrownBy(() -> TenantMigrator.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("router is required");
    assertThatThrownBy(
            () -> TenantMigrator.builder().router(fx.router).store(CELL_1, fx.store1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least two stores");
    assertThatThrownBy(() -> TenantMigrator.builder().batchSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize must be within 1 and 10000, was 0");
    assertThatThrownBy(() -> fx.migrator().journal(MigrationJournal.inMemory()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("journal was already set");
    assertThatThrownBy(
            () -> TenantMigrator.builder().store(CELL_1, fx.store1).store(CELL_2, fx.store1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already registered for shard 'cell-1'");
    assertThatThrownBy(
            () -> TenantMigrator.builder().store(CELL_1, fx.store1).store(CELL_1, fx.store2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shard 'cell-1' already has store 'store-1'");
    assertThatThrownBy(() -> TenantMigrator.builder().router(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("router");
  }

  @Test
  void exportedPagesOutOfOrderInterruptTheCopy() {
    fx.store1.delegate.importBatch(tenant, records("k", 3));
    ScriptedStore reversing =
        new ScriptedStore("reversing") {
          @Override
          public List<DataRecord> export(TenantId t, Optional<String> after, int size) {
            List<DataRecord> page = new java.util.ArrayList<>(fx.store1.export(t, after, size));
            Collections.reverse(page);
            return page;
          }
        };
    TenantMigrator migrator =
        TenantMigrator.builder()
            .router(fx.router)
            .store(CELL_1, reversing)
            .store(CELL_2, fx.store2)
            .build();
    assertThatThrownBy(() -> migrator.migrate(migrator.plan(tenant, CELL_1, CELL_2)))
        .isInstanceOf(MigrationInterruptedException.class)
        .hasMessageContaining("keys must be strictly ascending");
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_1);
  }
}
