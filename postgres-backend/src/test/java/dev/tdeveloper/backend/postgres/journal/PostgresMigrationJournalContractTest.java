package dev.tdeveloper.backend.postgres.journal;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.tenancy.migration.MigrationJournal;
import dev.tdeveloper.tenancy.testkit.MigrationJournalContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The migration journal contract on a real PostgreSQL, one table per test. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresMigrationJournalContractTest extends MigrationJournalContract {
  @RegisterExtension static final StateDatabase db = StateDatabase.named("migration_contract");

  @Override
  protected MigrationJournal newJournal() {
    String table = db.newTable("journal.migrations");
    PostgresMigrationJournal.install(db.admin(), table, db.role());
    return PostgresMigrationJournal.open(db.app(), table);
  }
}
