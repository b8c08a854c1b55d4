package dev.tdeveloper.backend.postgres.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.provision.LifecycleOperation;
import dev.tdeveloper.tenancy.spi.ProvisioningJournalException;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two instances on one provisioning journal, privileges and failures. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresProvisioningJournalTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.000000007Z");
  @RegisterExtension static final StateDatabase db = StateDatabase.named("provisioning_state");

  private static String installed() {
    String table = db.newTable("ops.sagas");
    PostgresProvisioningJournal.install(db.admin(), table, db.role());
    PostgresProvisioningJournal.install(db.admin(), table, db.role()); // idempotent
    return table;
  }

  private static SagaRecord running(String id, String tenant, int completed) {
    return new SagaRecord(
        id,
        LifecycleOperation.PROVISION,
        TenantId.of(tenant),
        List.of("a", "b", "c"),
        completed,
        Optional.empty(),
        SagaState.RUNNING,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        T0,
        T0.plusSeconds(completed));
  }

  @Test
  void twoInstancesRecordingOneSagaAtOnceAreSerializedAndNeverFail() throws Exception {
    String table = installed();
    try (PostgresProvisioningJournal a = PostgresProvisioningJournal.open(db.app(), table);
        PostgresProvisioningJournal b =
            PostgresProvisioningJournal.open(db.otherInstance(), table)) {
      PostgresProvisioningJournal[] instances = {a, b};
      Concurrently.run(
          8,
          thread -> {
            for (int i = 0; i < 10; i++) {
              instances[thread % 2].record(running("saga-" + i, "acme", thread % 4));
            }
          });
      assertThat(b.forTenant(TenantId.of("acme"))).hasSize(10);
      assertThat(a.incomplete()).extracting(SagaRecord::sagaId).hasSize(10);
    }
  }

  @Test
  void aSagaOfOneTenantCannotBeTakenOverThroughAnotherInstance() {
    String table = installed();
    try (PostgresProvisioningJournal a = PostgresProvisioningJournal.open(db.app(), table);
        PostgresProvisioningJournal b =
            PostgresProvisioningJournal.open(db.otherInstance(), table)) {
      a.record(running("s1", "acme", 1));
      assertThatThrownBy(() -> b.record(running("s1", "globex", 2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'acme'")
          .hasMessageContaining("'globex'");
      assertThat(b.forTenant(TenantId.of("globex"))).isEmpty();
      assertThat(a.find("s1")).contains(running("s1", "acme", 1));
    }
  }

  @Test
  void theApplicationRoleMayNeitherDeleteNorTruncateTheJournal() {
    String table = installed();
    assertThat(db.appStatementState("DELETE FROM " + table)).isEqualTo("42501");
    assertThat(db.appStatementState("TRUNCATE " + table)).isEqualTo("42501");
    assertThat(db.appStatementState("DROP TABLE " + table)).isEqualTo("42501");
  }

  @Test
  void failuresNameTheTable() throws Exception {
    PostgresProvisioningJournal missing = PostgresProvisioningJournal.open(db.app(), "ops.none");
    assertThatThrownBy(missing::incomplete)
        .isInstanceOf(ProvisioningJournalException.class)
        .hasMessageContaining("ops.none");
    String table = installed();
    try (PostgresProvisioningJournal journal = PostgresProvisioningJournal.open(db.app(), table)) {
      journal.record(running("s1", "acme", 0));
      db.adminQuery("UPDATE " + table + " SET completed = 7");
      assertThatThrownBy(() -> journal.find("s1"))
          .isInstanceOf(ProvisioningJournalException.class)
          .hasMessageContaining("not a valid saga record")
          .hasMessageContaining("completed");
    }
    assertThatThrownBy(() -> PostgresProvisioningJournal.open(db.app(), "Sagas"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must match");
  }
}
