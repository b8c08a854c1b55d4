package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.journal.PostgresMigrationJournal;
import dev.tdeveloper.backend.postgres.journal.PostgresProvisioningJournal;
import dev.tdeveloper.backend.postgres.ops.PostgresEscalationStateStore;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.migration.MigrationPhase;
import dev.tdeveloper.tenancy.migration.MigrationPlan;
import dev.tdeveloper.tenancy.migration.MigrationState;
import dev.tdeveloper.tenancy.provision.LifecycleOperation;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The child JVM of {@link StateStoresCrashTest}: writes to one store in a loop, printing {@code ACK
 * n} once write {@code n} returned, until it is killed. Arguments: url, user, password, kind
 * ({@code escalation}, {@code provisioning}, {@code migration}), table.
 */
public final class StateWriterMain {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String INCIDENT = "INC-CRASH";

  private StateWriterMain() {}

  /** Runs the writer. */
  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    HikariDataSource dataSource = TestPools.open(args[0], args[1], args[2], 1);
    String kind = args[3];
    String table = args[4];
    System.out.println("READY");
    System.out.flush();
    for (int n = 0; ; n++) {
      switch (kind) {
        case "escalation" ->
            PostgresEscalationStateStore.open(dataSource, table).save(escalation(n));
        case "provisioning" -> {
          PostgresProvisioningJournal journal = PostgresProvisioningJournal.open(dataSource, table);
          journal.record(saga(n, SagaState.RUNNING));
          journal.record(saga(n, SagaState.DONE));
        }
        case "migration" -> {
          PostgresMigrationJournal journal = PostgresMigrationJournal.open(dataSource, table);
          MigrationState planned = migration(n);
          if (!journal.tryBegin(planned)) {
            throw new IllegalStateException("tenant of migration " + n + " is busy");
          }
          MigrationState copied =
              planned.enter(MigrationPhase.COPYING, T0).copied("k" + n, n + 1, T0.plusSeconds(1));
          journal.update(copied);
          journal.update(copied.finished(MigrationPhase.COMPLETED, "done", T0.plusSeconds(2)));
        }
        default -> throw new IllegalArgumentException("kind " + kind);
      }
      System.out.println("ACK " + n);
      System.out.flush();
    }
  }

  /** The escalation state saved by write {@code n}. */
  static EscalationState escalation(int n) {
    return new EscalationState(
        INCIDENT,
        Optional.of("acme"),
        "default",
        "Database down, write " + n,
        Severity.CRITICAL,
        T0,
        n / 10,
        n,
        Optional.of(T0.plusSeconds(n)),
        Set.of("alice", "receiver-" + n),
        Optional.empty());
  }

  /** The records of saga {@code n}: RUNNING with no step done, then DONE. */
  static SagaRecord saga(int n, SagaState state) {
    boolean done = state == SagaState.DONE;
    return new SagaRecord(
        "saga-" + n,
        LifecycleOperation.PROVISION,
        TenantId.of("tenant-" + n),
        List.of("a", "b"),
        done ? 2 : 0,
        Optional.empty(),
        state,
        Map.of("n", Integer.toString(n)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        T0,
        done ? T0.plusSeconds(1) : T0);
  }

  /** The plan of migration {@code n}, of its own tenant, with an id derived from {@code n}. */
  static MigrationState migration(int n) {
    MigrationPlan plan =
        new MigrationPlan(
            new UUID(0x5eed, n),
            TenantId.of("tenant-" + n),
            ShardId.of("cell-1"),
            ShardId.of("cell-2"),
            "store-1",
            "store-2",
            n,
            Checksum.EMPTY,
            false,
            T0.plusSeconds(n));
    return MigrationState.planned(plan, plan.plannedAt());
  }
}
