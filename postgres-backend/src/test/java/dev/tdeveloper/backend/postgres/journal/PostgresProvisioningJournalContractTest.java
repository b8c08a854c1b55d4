package dev.tdeveloper.backend.postgres.journal;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.testkit.ProvisioningJournalContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The provisioning journal contract on a real PostgreSQL, one table per test. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresProvisioningJournalContractTest extends ProvisioningJournalContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static StateDatabase db;

  @BeforeAll
  static void createDatabase(LocalPostgres postgres) throws Exception {
    db = new StateDatabase(postgres, "provisioning_contract");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected ProvisioningJournal newJournal() {
    String table = "journal.sagas_" + TABLES.incrementAndGet();
    PostgresProvisioningJournal.install(db.admin(), table, db.role());
    return PostgresProvisioningJournal.open(db.app(), table);
  }
}
