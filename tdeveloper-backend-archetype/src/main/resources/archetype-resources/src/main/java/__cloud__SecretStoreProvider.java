package ${package};

import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link SecretStoreProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}SecretStoreProvider implements SecretStoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}SecretStoreProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /** Creates the backend; read the ${cloud} endpoint and credentials from the settings. */
  @Override
  public SecretStore create(Map<String, String> config) {
    return new ${cloud}SecretStore();
  }
}
