package dev.tdeveloper.backend.postgres.ops;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.testkit.AlertStateStoreContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The alert state contract on a real PostgreSQL: one pair of tables per test, reopened by name. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresAlertStateStoreContractTest extends AlertStateStoreContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static StateDatabase db;
  private final String table = "alerts.state_" + TABLES.incrementAndGet();
  private boolean installed;

  @BeforeAll
  static void createDatabase(LocalPostgres postgres) throws Exception {
    db = new StateDatabase(postgres, "alert_contract");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected AlertStateStore open() {
    if (!installed) {
      PostgresAlertStateStore.install(db.admin(), table, db.role());
      installed = true;
    }
    return PostgresAlertStateStore.open(db.app(), table);
  }
}
