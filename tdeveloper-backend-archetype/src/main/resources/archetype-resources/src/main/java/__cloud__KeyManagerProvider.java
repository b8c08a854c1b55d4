package ${package};

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyManagerProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link KeyManagerProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}KeyManagerProvider implements KeyManagerProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}KeyManagerProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /** Creates the backend; read the ${cloud} endpoint and credentials from the settings. */
  @Override
  public KeyManager create(Map<String, String> config) {
    return new ${cloud}KeyManager();
  }
}
