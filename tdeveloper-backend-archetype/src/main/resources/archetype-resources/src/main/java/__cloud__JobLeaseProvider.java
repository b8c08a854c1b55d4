package ${package};

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseProvider;
import java.time.InstantSource;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link JobLeaseProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}JobLeaseProvider implements JobLeaseProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}JobLeaseProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /** Creates the backend; read the ${cloud} endpoint and credentials from the properties. */
  @Override
  public JobLease create(Map<String, String> properties) {
    return new ${cloud}JobLease(InstantSource.system());
  }
}
