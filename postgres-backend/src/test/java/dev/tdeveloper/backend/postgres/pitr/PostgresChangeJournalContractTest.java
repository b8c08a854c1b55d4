package dev.tdeveloper.backend.postgres.pitr;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TestPools;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.testkit.ChangeJournalContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL change journal passes dr-core's contract, reopened on the same tables. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresChangeJournalContractTest extends ChangeJournalContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static HikariDataSource pool;
  private String table;

  @BeforeAll
  static void openPool(LocalPostgres postgres) {
    pool = TestPools.superuser(postgres, LocalPostgres.DEFAULT_DATABASE, 10);
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Override
  protected ChangeJournal newJournal() {
    table = "journal_contract.j" + TABLES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    PostgresChangeJournal journal =
        PostgresChangeJournal.of(pool, table, PostgresChangeJournal.DEFAULT_MAX_CONTENT_BYTES);
    journal.createTables();
    return journal;
  }

  @Override
  protected ChangeJournal reopen(ChangeJournal journal) {
    journal.close();
    return PostgresChangeJournal.of(pool, table, PostgresChangeJournal.DEFAULT_MAX_CONTENT_BYTES);
  }
}
