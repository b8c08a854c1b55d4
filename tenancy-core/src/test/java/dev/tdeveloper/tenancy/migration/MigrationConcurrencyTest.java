package dev.tdeveloper.tenancy.migration;

import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_1;
import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_2;
import static dev.tdeveloper.tenancy.migration.MigrationFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MigrationConcurrencyTest {
  private final MigrationFixture fx = new MigrationFixture();

  @Test
  void refusesASecondMigrationOfATenantWhileOneRuns() throws Exception {
    TenantId tenant = fx.tenantOn(CELL_1, 0);
    fx.store1.delegate.importBatch(tenant, records("k", 10));
    TenantMigrator migrator = fx.migrator().build();
    MigrationPlan first = migrator.plan(tenant, CELL_1, CELL_2);
    MigrationPlan second = migrator.plan(tenant, CELL_1, CELL_2);
    fx.store2.importEntered = new CountDownLatch(1);
    fx.store2.importRelease = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<MigrationState> running = pool.submit(() -> migrator.migrate(first));
      assertThat(fx.store2.importEntered.await(30, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> migrator.migrate(second))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("a migration of tenant '" + tenant + "' is already running");
      assertThatThrownBy(() -> migrator.resume(first.id()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already running");
      assertThatThrownBy(() -> migrator.abort(first.id()))
          .isInstanceOf(IllegalStateException.class);
      TenantMigrator otherInstance = fx.migrator().build();
      assertThatThrownBy(() -> otherInstance.migrate(second))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("unfinished migration " + first.id());
      assertThatThrownBy(() -> migrator.plan(tenant, CELL_1, CELL_2))
          .isInstanceOf(IllegalStateException.class);

      fx.store2.importRelease.countDown();
      assertThat(running.get(30, TimeUnit.SECONDS).phase()).isEqualTo(MigrationPhase.COMPLETED);
    } finally {
      fx.store2.importRelease.countDown();
      pool.shutdownNow();
    }
    assertThat(fx.journal.list()).hasSize(1);
    assertThat(fx.store2.all(tenant)).containsExactlyElementsOf(records("k", 10));
  }

  @Test
  void migratesDifferentTenantsConcurrently() throws Exception {
    TenantMigrator migrator = fx.migrator().batchSize(7).build();
    List<TenantId> tenants = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      TenantId tenant = fx.tenantOn(CELL_1, i);
      tenants.add(tenant);
      fx.store1.delegate.importBatch(tenant, records(tenant + "-", 40 + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<MigrationState>> results = new ArrayList<>();
      for (TenantId tenant : tenants) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return migrator.migrate(migrator.plan(tenant, CELL_1, CELL_2));
                }));
      }
      start.countDown();
      for (Future<MigrationState> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).phase()).isEqualTo(MigrationPhase.COMPLETED);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < tenants.size(); i++) {
      TenantId tenant = tenants.get(i);
      assertThat(fx.store2.all(tenant)).containsExactlyElementsOf(records(tenant + "-", 40 + i));
      assertThat(fx.store1.all(tenant)).isEmpty();
      assertThat(fx.router.route(tenant)).isEqualTo(CELL_2);
    }
  }
}
