package ${package};

import dev.tdeveloper.scaling.spi.ScalingBackend;
import dev.tdeveloper.scaling.spi.ScalingBackendProvider;

/** The {@code ${cloud.toLowerCase()}} {@link ScalingBackendProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}ScalingBackendProvider implements ScalingBackendProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}ScalingBackendProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /**
   * Creates the backend for {@code config.workload()}; read the ${cloud} endpoint, credentials and
   * group from {@code config.properties()} (keys starting with {@code ${cloud.toLowerCase()}.}, any
   * other key refused by name) and date samples by {@code config.clock()}.
   */
  @Override
  public ScalingBackend create(Config config) {
    return new ${cloud}ScalingBackend();
  }
}
