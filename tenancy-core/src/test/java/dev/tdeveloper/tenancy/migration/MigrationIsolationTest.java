package dev.tdeveloper.tenancy.migration;

import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_1;
import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_2;
import static dev.tdeveloper.tenancy.migration.MigrationFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.DataRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationIsolationTest {
  private final MigrationFixture fx = new MigrationFixture();
  private final TenantId acme = fx.tenantOn(CELL_1, 0);
  private final TenantId bystanderOnSource = fx.tenantOn(CELL_1, 1);
  private final TenantId bystanderOnTarget = fx.tenantOn(CELL_2, 0);

  @Test
  void migratingOneTenantNeverReadsChangesOrDeletesAnothersData() {
    fx.store1.delegate.importBatch(acme, records("k", 120));
    List<DataRecord> sourceNeighbour = records("k", 80);
    List<DataRecord> targetNeighbour = records("k", 60);
    fx.store1.delegate.importBatch(bystanderOnSource, sourceNeighbour);
    fx.store2.delegate.importBatch(bystanderOnTarget, targetNeighbour);
    fx.store2.delegate.importBatch(
        bystanderOnSource, List.of(new DataRecord("k00001", new byte[] {42})));
    TenantMigrator migrator = fx.migrator().batchSize(25).build();

    migrator.migrate(migrator.plan(acme, CELL_1, CELL_2));

    String acmeCall = ":" + acme;
    assertThat(fx.store1.calls).isNotEmpty().allSatisfy(c -> assertThat(c).endsWith(acmeCall));
    assertThat(fx.store2.calls).isNotEmpty().allSatisfy(c -> assertThat(c).endsWith(acmeCall));
    assertThat(fx.store1.all(bystanderOnSource)).containsExactlyElementsOf(sourceNeighbour);
    assertThat(fx.store2.all(bystanderOnTarget)).containsExactlyElementsOf(targetNeighbour);
    assertThat(fx.store2.all(bystanderOnSource))
        .containsExactly(new DataRecord("k00001", new byte[] {42}));
    assertThat(fx.store2.all(acme)).containsExactlyElementsOf(records("k", 120));
    assertThat(fx.router.route(bystanderOnSource)).isEqualTo(CELL_1);
    assertThat(fx.router.table().pins()).containsOnlyKeys(acme);
  }

  @Test
  void aFailedMigrationRollsBackOnlyItsOwnTenantsCopy() {
    fx.store1.delegate.importBatch(acme, records("k", 50));
    fx.store2.delegate.importBatch(bystanderOnTarget, records("k", 50));
    fx.store2.corruptImports = true;
    TenantMigrator migrator = fx.migrator().build();

    Throwable failure = catchThrowable(() -> migrator.migrate(migrator.plan(acme, CELL_1, CELL_2)));

    assertThat(failure).isInstanceOf(MigrationVerificationException.class);
    assertThat(fx.store2.all(acme)).isEmpty();
    assertThat(fx.store2.all(bystanderOnTarget)).containsExactlyElementsOf(records("k", 50));
    assertThat(fx.store2.calls).allSatisfy(c -> assertThat(c).endsWith(":" + acme));
  }
}
