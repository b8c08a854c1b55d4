package dev.tdeveloper.backend.postgres.ops;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.testkit.AlertStateStoreContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The alert state contract on a real PostgreSQL: one pair of tables per test, reopened by name. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresAlertStateStoreContractTest extends AlertStateStoreContract {
  @RegisterExtension static final StateDatabase db = StateDatabase.named("alert_contract");
  private final String table = db.newTable("alerts.state");
  private boolean installed;

  @Override
  protected AlertStateStore open() {
    if (!installed) {
      PostgresAlertStateStore.install(db.admin(), table, db.role());
      installed = true;
    }
    return PostgresAlertStateStore.open(db.app(), table);
  }
}
