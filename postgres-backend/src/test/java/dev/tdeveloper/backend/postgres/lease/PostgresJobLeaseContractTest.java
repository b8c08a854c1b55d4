package dev.tdeveloper.backend.postgres.lease;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.testkit.JobLeaseContract;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lease contract on a real PostgreSQL. The statements decide by the test's clock instead of the
 * server's {@code clock_timestamp()}; {@link PostgresJobLeaseTest} checks the server's own expiry.
 */
@ExtendWith(LocalPostgresExtension.class)
class PostgresJobLeaseContractTest extends JobLeaseContract {
  private static StateDatabase db;

  @BeforeAll
  static void install(LocalPostgres postgres) throws Exception {
    db = new StateDatabase(postgres, "lease_contract");
    PostgresJobLease.install(db.admin(), "ops.leases", db.role());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected JobLease createLeases(ManualClock clock) {
    return PostgresJobLease.builder(db.app())
        .table("ops.leases")
        .frozenClockForTests(clock)
        .build();
  }
}
