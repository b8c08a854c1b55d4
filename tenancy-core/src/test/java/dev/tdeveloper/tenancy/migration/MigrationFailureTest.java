package dev.tdeveloper.tenancy.migration;

import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_1;
import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_2;
import static dev.tdeveloper.tenancy.migration.MigrationFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MigrationFailureTest {
  private final MigrationFixture fx = new MigrationFixture();
  private final TenantId tenant = fx.tenantOn(CELL_1, 0);
  private final List<DataRecord> records = records("k", 450);

  private UUID crashMidCopy() {
    fx.store1.delegate.importBatch(tenant, records);
    fx.store2.crashAfterImport = 3;
    TenantMigrator migrator = fx.migrator().batchSize(100).build();
    MigrationPlan plan = migrator.plan(tenant, CELL_1, CELL_2);
    MigrationInterruptedException crash =
        catchThrowableOfType(MigrationInterruptedException.class, () -> migrator.migrate(plan));
    assertThat(crash.migrationId()).isEqualTo(plan.id());
    assertThat(crash.phase()).isEqualTo(MigrationPhase.COPYING);
    assertThat(crash).hasMessageContaining("resume it with resume(" + plan.id() + ")");
    fx.store2.crashAfterImport = -1;
    return plan.id();
  }

  @Test
  void resumesAfterACrashMidCopyWithEveryRecordOnce() {
    UUID id = crashMidCopy();
    MigrationState crashed = fx.journal.find(id).orElseThrow();
    assertThat(crashed.phase()).isEqualTo(MigrationPhase.COPYING);
    assertThat(crashed.lastCopiedKey()).contains("k00199");
    assertThat(crashed.copiedRecords()).isEqualTo(200);
    assertThat(crashed.failure())
        .hasValueSatisfying(f -> assertThat(f).contains("simulated crash"));
    assertThat(fx.events)
        .anySatisfy(e -> assertThat(e).isInstanceOf(MigrationEvent.Interrupted.class));
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_1);

    TenantMigrator restarted = fx.migrator().batchSize(100).build();
    assertThatThrownBy(() -> restarted.plan(tenant, CELL_1, CELL_2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unfinished migration " + id + " in phase COPYING; resume or abort");
    MigrationState done = restarted.resume(id);

    assertThat(done.phase()).isEqualTo(MigrationPhase.COMPLETED);
    assertThat(fx.store2.all(tenant)).containsExactlyElementsOf(records);
    Map<String, Long> imports =
        fx.store2.importedKeys.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(imports).hasSize(450);
    assertThat(imports.entrySet())
        .allSatisfy(
            e -> {
              boolean inCrashedBatch =
                  e.getKey().compareTo("k00200") >= 0 && e.getKey().compareTo("k00300") < 0;
              assertThat(e.getValue()).isEqualTo(inCrashedBatch ? 2L : 1L);
            });
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_2);
    assertThat(fx.store1.all(tenant)).isEmpty();
  }

  @Test
  void resumesAfterACrashInCleanup() {
    fx.store1.delegate.importBatch(tenant, records);
    fx.store1.failDeletes = true;
    TenantMigrator migrator = fx.migrator().build();
    MigrationPlan plan = migrator.plan(tenant, CELL_1, CELL_2);
    MigrationInterruptedException crash =
        catchThrowableOfType(MigrationInterruptedException.class, () -> migrator.migrate(plan));
    assertThat(crash.phase()).isEqualTo(MigrationPhase.CLEANUP);
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_2);
    assertThatThrownBy(() -> migrator.abort(plan.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resume it to finish");

    fx.store1.failDeletes = false;
    assertThat(migrator.resume(plan.id()).phase()).isEqualTo(MigrationPhase.COMPLETED);
    assertThat(fx.store1.all(tenant)).isEmpty();
    assertThat(fx.store2.all(tenant)).containsExactlyElementsOf(records);
  }

  @Test
  void corruptedCopyIsNeverCutOverAndLeavesTheSourceIntact() {
    fx.store1.delegate.importBatch(tenant, records);
    Checksum sourceBefore = fx.store1.delegate.checksum(tenant);
    fx.store2.corruptImports = true;
    TenantMigrator migrator = fx.migrator().batchSize(100).build();
    MigrationPlan plan = migrator.plan(tenant, CELL_1, CELL_2);

    MigrationVerificationException mismatch =
        catchThrowableOfType(MigrationVerificationException.class, () -> migrator.migrate(plan));

    assertThat(mismatch.sourceChecksum()).isEqualTo(sourceBefore);
    assertThat(mismatch.targetChecksum()).isNotEqualTo(sourceBefore);
    assertThat(mismatch.targetChecksum().count()).isEqualTo(450);
    assertThat(mismatch)
        .hasMessageContaining(sourceBefore.sha256())
        .hasMessageContaining(mismatch.targetChecksum().sha256())
        .hasMessageContaining("not cut over");
    assertThat(fx.store1.all(tenant)).containsExactlyElementsOf(records);
    assertThat(fx.store1.writes()).isEmpty();
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_1);
    assertThat(fx.router.pinOf(tenant)).isEmpty();
    assertThat(fx.store2.all(tenant)).isEmpty();
    assertThat(fx.journal.find(plan.id()).orElseThrow().phase()).isEqualTo(MigrationPhase.FAILED);
    assertThat(fx.phases()).doesNotContain(MigrationPhase.CUTOVER).endsWith(MigrationPhase.FAILED);
    assertThat(fx.events)
        .anySatisfy(e -> assertThat(e).isInstanceOf(MigrationEvent.VerificationFailed.class));

    fx.store2.corruptImports = false;
    assertThat(migrator.migrate(migrator.plan(tenant, CELL_1, CELL_2)).phase())
        .isEqualTo(MigrationPhase.COMPLETED);
  }

  @Test
  void abortRemovesThePartialCopyAndFreesTheTenant() {
    UUID id = crashMidCopy();
    assertThat(fx.store2.all(tenant)).hasSize(300);
    TenantMigrator migrator = fx.migrator().build();

    MigrationState aborted = migrator.abort(id);

    assertThat(aborted.phase()).isEqualTo(MigrationPhase.ABORTED);
    assertThat(fx.journal.find(id)).contains(aborted);
    assertThat(fx.store2.all(tenant)).isEmpty();
    assertThat(fx.store1.all(tenant)).containsExactlyElementsOf(records);
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_1);
    assertThat(fx.phases()).endsWith(MigrationPhase.ABORTED);
    assertThatThrownBy(() -> migrator.resume(id))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already finished in phase ABORTED");
    assertThatThrownBy(() -> migrator.abort(id)).isInstanceOf(IllegalStateException.class);
    assertThat(migrator.migrate(migrator.plan(tenant, CELL_1, CELL_2)).phase())
        .isEqualTo(MigrationPhase.COMPLETED);
  }

  @Test
  void resumingAnUnknownMigrationIsRejected() {
    UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000001");
    TenantMigrator migrator = fx.migrator().build();
    assertThatThrownBy(() -> migrator.resume(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no migration " + unknown);
    assertThatThrownBy(() -> migrator.abort(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("migrationId");
  }
}
