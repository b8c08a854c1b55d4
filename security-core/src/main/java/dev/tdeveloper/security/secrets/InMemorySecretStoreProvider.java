package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreProvider;
import java.util.Map;
import java.util.Objects;

/**
 * Provides {@link InMemorySecretStore} under the name {@value #NAME}, on the system clock; it takes
 * no setting. Stateless and thread-safe.
 */
public final class InMemorySecretStoreProvider implements SecretStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "in-memory";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InMemorySecretStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates an empty store.
   *
   * @throws IllegalArgumentException if any setting is given
   */
  @Override
  public SecretStore create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    if (!config.isEmpty()) {
      throw new IllegalArgumentException(
          "the " + NAME + " secret store takes no settings, got " + config.keySet());
    }
    return InMemorySecretStore.create();
  }
}
