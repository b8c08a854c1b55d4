package dev.tdeveloper.backend.postgres.journal;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.tenancy.migration.MigrationJournal;
import dev.tdeveloper.tenancy.testkit.MigrationJournalContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The migration journal contract on a real PostgreSQL, one table per test. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresMigrationJournalContractTest extends MigrationJournalContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static StateDatabase db;

  @BeforeAll
  static void createDatabase(LocalPostgres postgres) throws Exception {
    db = new StateDatabase(postgres, "migration_contract");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected MigrationJournal newJournal() {
    String table = "journal.migrations_" + TABLES.incrementAndGet();
    PostgresMigrationJournal.install(db.admin(), table, db.role());
    return PostgresMigrationJournal.open(db.app(), table);
  }
}
