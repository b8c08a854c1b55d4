package ${package};

import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.spi.AuditSinkProvider;

/** The {@code ${cloud.toLowerCase()}} {@link AuditSinkProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}AuditSinkProvider implements AuditSinkProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}AuditSinkProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /**
   * Creates the backend; read the ${cloud} endpoint, credentials and log name from {@code
   * config.properties()} (keys starting with {@code ${cloud.toLowerCase()}.}) and date rows by
   * {@code config.clock()}.
   */
  @Override
  public AuditSink create(Config config) {
    return new ${cloud}AuditSink();
  }
}
