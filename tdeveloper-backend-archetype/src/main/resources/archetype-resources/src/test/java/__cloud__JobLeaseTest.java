package ${package};

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.testkit.JobLeaseContract;
import dev.tdeveloper.tenancy.testkit.ManualClock;

/** Holds {@link ${cloud}JobLease} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}JobLeaseTest extends JobLeaseContract {
  @Override
  protected JobLease createLeases(ManualClock clock) {
    return new ${cloud}JobLease(clock);
  }
}
