package dev.tdeveloper.backend.postgres.lease;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.testkit.JobLeaseContract;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lease contract on a real PostgreSQL. The statements decide by the test's clock instead of the
 * server's {@code clock_timestamp()}; {@link PostgresJobLeaseTest} checks the server's own expiry.
 */
@ExtendWith(LocalPostgresExtension.class)
class PostgresJobLeaseContractTest extends JobLeaseContract {
  @RegisterExtension static final StateDatabase db = StateDatabase.named("lease_contract");

  @BeforeAll
  static void install() {
    PostgresJobLease.install(db.admin(), "ops.leases", db.role());
  }

  @Override
  protected JobLease createLeases(ManualClock clock) {
    return PostgresJobLease.builder(db.app())
        .table("ops.leases")
        .frozenClockForTests(clock)
        .build();
  }
}
