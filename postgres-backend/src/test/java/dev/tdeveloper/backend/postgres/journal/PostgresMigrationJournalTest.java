package dev.tdeveloper.backend.postgres.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.migration.MigrationJournalException;
import dev.tdeveloper.tenancy.migration.MigrationPhase;
import dev.tdeveloper.tenancy.migration.MigrationPlan;
import dev.tdeveloper.tenancy.migration.MigrationState;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one-unfinished-migration guard across instances, privileges and failures. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresMigrationJournalTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.000000003Z");
  @RegisterExtension static final StateDatabase db = StateDatabase.named("migration_state");

  private static String installed() {
    String table = db.newTable("ops.migrations");
    PostgresMigrationJournal.install(db.admin(), table, db.role());
    PostgresMigrationJournal.install(db.admin(), table, db.role()); // idempotent
    return table;
  }

  private static MigrationState planned(String tenant, int second) {
    MigrationPlan plan =
        new MigrationPlan(
            UUID.randomUUID(),
            TenantId.of(tenant),
            ShardId.of("cell-1"),
            ShardId.of("cell-2"),
            "store-1",
            "store-2",
            3,
            Checksum.EMPTY,
            false,
            T0.plusSeconds(second));
    return MigrationState.planned(plan, plan.plannedAt());
  }

  @Test
  void instancesBeginningMigrationsOfOneTenantAtOnceAdmitExactlyOne() throws Exception {
    String table = installed();
    try (PostgresMigrationJournal a = PostgresMigrationJournal.open(db.app(), table);
        PostgresMigrationJournal b = PostgresMigrationJournal.open(db.otherInstance(), table)) {
      PostgresMigrationJournal[] instances = {a, b};
      for (int round = 0; round < 5; round++) {
        String tenant = "tenant-" + round;
        ConcurrentLinkedQueue<MigrationState> admitted = new ConcurrentLinkedQueue<>();
        Concurrently.run(
            8,
            thread -> {
              MigrationState state = planned(tenant, thread);
              if (instances[thread % 2].tryBegin(state)) {
                admitted.add(state);
              }
            });
        assertThat(admitted).hasSize(1);
        assertThat(b.unfinished(TenantId.of(tenant))).contains(admitted.peek());
      }
      assertThat(a.list()).hasSize(5);
    }
  }

  @Test
  void anUpdateThatWouldLeaveATenantTwoUnfinishedMigrationsIsRefused() {
    String table = installed();
    try (PostgresMigrationJournal journal = PostgresMigrationJournal.open(db.app(), table)) {
      MigrationState first = planned("acme", 1);
      journal.tryBegin(first);
      MigrationState aborted = first.finished(MigrationPhase.ABORTED, "operator", T0);
      journal.update(aborted);
      MigrationState second = planned("acme", 2);
      assertThat(journal.tryBegin(second)).isTrue();
      MigrationState revived = first.enter(MigrationPhase.COPYING, T0.plusSeconds(3));
      assertThatThrownBy(() -> journal.update(revived))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("another unfinished migration")
          .hasMessageContaining("acme");
      assertThat(journal.find(first.plan().id())).contains(aborted);
      assertThat(journal.unfinished(TenantId.of("acme"))).contains(second);
    }
  }

  @Test
  void oneTenantsUnfinishedMigrationNeverBlocksAnother() {
    String table = installed();
    try (PostgresMigrationJournal a = PostgresMigrationJournal.open(db.app(), table);
        PostgresMigrationJournal b = PostgresMigrationJournal.open(db.otherInstance(), table)) {
      MigrationState acme = planned("acme", 1);
      assertThat(a.tryBegin(acme)).isTrue();
      MigrationState globex = planned("globex", 1);
      assertThat(b.tryBegin(globex)).isTrue();
      assertThat(a.unfinished(TenantId.of("globex"))).contains(globex);
      assertThat(b.unfinished(TenantId.of("acme"))).contains(acme);
    }
  }

  @Test
  void theApplicationRoleMayNeitherDeleteNorTruncateTheJournal() {
    String table = installed();
    assertThat(db.appStatementState("DELETE FROM " + table)).isEqualTo("42501");
    assertThat(db.appStatementState("TRUNCATE " + table)).isEqualTo("42501");
    assertThat(db.appStatementState("DROP INDEX " + table + "_one_unfinished")).isEqualTo("42501");
  }

  @Test
  void failuresNameTheTable() {
    PostgresMigrationJournal missing = PostgresMigrationJournal.open(db.app(), "ops.none");
    assertThatThrownBy(missing::list)
        .isInstanceOf(MigrationJournalException.class)
        .hasMessageContaining("ops.none");
    missing.close();
    assertThatThrownBy(() -> missing.tryBegin(planned("acme", 1)))
        .isInstanceOf(MigrationJournalException.class)
        .hasMessageContaining("closed");
  }
}
