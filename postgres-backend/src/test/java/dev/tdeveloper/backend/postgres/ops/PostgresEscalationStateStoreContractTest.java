package dev.tdeveloper.backend.postgres.ops;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.testkit.EscalationStateStoreContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The escalation state contract on a real PostgreSQL: one table per test, reopened by name. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresEscalationStateStoreContractTest extends EscalationStateStoreContract {
  @RegisterExtension static final StateDatabase db = StateDatabase.named("escalation_contract");
  private final String table = db.newTable("escalation.state");
  private boolean installed;

  @Override
  protected EscalationStateStore open() {
    if (!installed) {
      PostgresEscalationStateStore.install(db.admin(), table, db.role());
      installed = true;
    }
    return PostgresEscalationStateStore.open(db.otherInstance(), table);
  }
}
