package dev.tdeveloper.backend.postgres.ops;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.testkit.EscalationStateStoreContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The escalation state contract on a real PostgreSQL: one table per test, reopened by name. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresEscalationStateStoreContractTest extends EscalationStateStoreContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static StateDatabase db;
  private final String table = "escalation.state_" + TABLES.incrementAndGet();
  private boolean installed;

  @BeforeAll
  static void createDatabase(LocalPostgres postgres) throws Exception {
    db = new StateDatabase(postgres, "escalation_contract");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected EscalationStateStore open() {
    if (!installed) {
      PostgresEscalationStateStore.install(db.admin(), table, db.role());
      installed = true;
    }
    return PostgresEscalationStateStore.open(db.otherInstance(), table);
  }
}
