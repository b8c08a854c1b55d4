package dev.tdeveloper.backend.postgres.journal;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.testkit.ProvisioningJournalContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provisioning journal contract on a real PostgreSQL, one table per test. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresProvisioningJournalContractTest extends ProvisioningJournalContract {
  @RegisterExtension static final StateDatabase db = StateDatabase.named("provisioning_contract");

  @Override
  protected ProvisioningJournal newJournal() {
    String table = db.newTable("journal.sagas");
    PostgresProvisioningJournal.install(db.admin(), table, db.role());
    return PostgresProvisioningJournal.open(db.app(), table);
  }
}
