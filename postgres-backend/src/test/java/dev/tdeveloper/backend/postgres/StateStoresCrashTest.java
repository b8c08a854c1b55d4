package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.backend.postgres.journal.PostgresMigrationJournal;
import dev.tdeveloper.backend.postgres.journal.PostgresProvisioningJournal;
import dev.tdeveloper.backend.postgres.ops.PostgresEscalationStateStore;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.tenancy.migration.MigrationPhase;
import dev.tdeveloper.tenancy.migration.MigrationState;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM writing to the escalation store and the journals, then checks that every write
 * it acknowledged survived, and that the write in flight left the old state or the new one.
 */
@ExtendWith(LocalPostgresExtension.class)
class StateStoresCrashTest {
  private static final int ACKS_BEFORE_KILL = 60;
  @RegisterExtension static final StateDatabase db = StateDatabase.named("crash_state");

  @TempDir Path temp;

  @BeforeAll
  static void install() {
    PostgresEscalationStateStore.install(db.admin(), "ops.escalation", db.role());
    PostgresProvisioningJournal.install(db.admin(), "ops.sagas", db.role());
    PostgresMigrationJournal.install(db.admin(), "ops.migrations", db.role());
  }

  /**
   * What a killed writer acknowledged: the last acknowledgement, and the lines read before and
   * after the kill, quoted when a check fails so that the failure says what the child wrote.
   */
  private record Killed(int last, List<String> before, List<String> after) {
    String story() {
      return "last ack " + last + "; read before the kill " + before + ", after it " + after;
    }
  }

  /**
   * Runs the writer until it acknowledged enough writes, kills it; returns what it acknowledged.
   */
  private Killed killWriterOf(String kind, String table) throws Exception {
    int last = -1;
    List<String> before = new ArrayList<>();
    try (ChildJvm child =
        ChildJvm.start(
            StateWriterMain.class,
            temp.resolve(kind + ".err"),
            db.url(),
            db.role(),
            db.password(),
            kind,
            table)) {
      assertThat(child.nextLine(60)).as(child.errorOutput()).isEqualTo("READY");
      while (last < ACKS_BEFORE_KILL) {
        String line = child.nextLine(60);
        assertThat(line).as(child.errorOutput()).startsWith("ACK ");
        before.add(line);
        last = Integer.parseInt(line.substring(4));
      }
      List<String> after = child.kill();
      for (String line : after) {
        // A line cut short by the kill names an earlier write or is not an acknowledgement.
        if (line.matches("ACK \\d+")) {
          last = Math.max(last, Integer.parseInt(line.substring(4)));
        }
      }
      return new Killed(last, before.subList(Math.max(0, before.size() - 3), before.size()), after);
    }
  }

  @Test
  void anEscalationSaveAcknowledgedBeforeTheKillSurvivesWhole() throws Exception {
    Killed killed = killWriterOf("escalation", "ops.escalation");
    int last = killed.last();
    try (PostgresEscalationStateStore store =
        PostgresEscalationStateStore.open(db.app(), "ops.escalation")) {
      EscalationState stored = store.load(StateWriterMain.INCIDENT).orElseThrow();
      assertThat(stored.level()).as(killed.story()).isBetween(last, last + 1);
      assertThat(stored).isEqualTo(StateWriterMain.escalation(stored.level()));
    }
  }

  @Test
  void everyAcknowledgedSagaSurvivesAndTheOneInFlightIsWhole() throws Exception {
    Killed killed = killWriterOf("provisioning", "ops.sagas");
    int last = killed.last();
    try (PostgresProvisioningJournal journal =
        PostgresProvisioningJournal.open(db.app(), "ops.sagas")) {
      for (int n = 0; n <= last; n++) {
        assertThat(journal.find("saga-" + n))
            .as(killed.story())
            .contains(StateWriterMain.saga(n, SagaState.DONE));
      }
      Optional<SagaRecord> inFlight = journal.find("saga-" + (last + 1));
      inFlight.ifPresent(
          r ->
              assertThat(r)
                  .as(killed.story())
                  .isIn(
                      StateWriterMain.saga(last + 1, SagaState.RUNNING),
                      StateWriterMain.saga(last + 1, SagaState.DONE)));
      assertThat(journal.find("saga-" + (last + 2))).as(killed.story()).isEmpty();
      assertThat(journal.incomplete()).as(killed.story()).hasSizeLessThanOrEqualTo(1);
    }
  }

  @Test
  void everyAcknowledgedMigrationSurvivesAndTheGuardStillHolds() throws Exception {
    Killed killed = killWriterOf("migration", "ops.migrations");
    int last = killed.last();
    try (PostgresMigrationJournal journal =
        PostgresMigrationJournal.open(db.app(), "ops.migrations")) {
      for (int n = 0; n <= last; n++) {
        Optional<MigrationState> found = journal.find(new UUID(0x5eed, n));
        assertThat(found).as(killed.story()).isPresent();
        MigrationState state = found.get();
        assertThat(state.phase()).as(killed.story()).isEqualTo(MigrationPhase.COMPLETED);
        assertThat(state.copiedRecords()).isEqualTo(n + 1);
      }
      Optional<MigrationState> inFlight = journal.find(new UUID(0x5eed, last + 1));
      if (inFlight.isPresent() && !inFlight.get().phase().isTerminal()) {
        MigrationState unfinished = inFlight.get();
        assertThat(journal.unfinished(unfinished.plan().tenant())).contains(unfinished);
        assertThat(journal.tryBegin(StateWriterMain.migration(1_000_000 + last)))
            .as("another tenant is not blocked")
            .isTrue();
      }
      assertThat(journal.list())
          .as(killed.story())
          .filteredOn(s -> !s.phase().isTerminal())
          .hasSizeLessThanOrEqualTo(2);
    }
  }
}
