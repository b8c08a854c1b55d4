package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreProvider;
import dev.tdeveloper.tenancy.internal.StoreSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link LocalSecretStore} under the name {@value #NAME}, on the system clock. Settings:
 * {@value #DIRECTORY} (required) and exactly one of {@value #MASTER_KEY_FILE} and {@value
 * #MASTER_KEY_ENV} (the name of an environment variable holding the key as base64); any other
 * setting is rejected. Stateless and thread-safe.
 */
public final class LocalSecretStoreProvider implements SecretStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "local-file";

  /** The setting naming the store's directory: {@value}. */
  public static final String DIRECTORY = "directory";

  /** The setting naming the master-key file: {@value}. */
  public static final String MASTER_KEY_FILE = "master-key-file";

  /** The setting naming the environment variable holding the master key: {@value}. */
  public static final String MASTER_KEY_ENV = "master-key-env";

  private static final Set<String> SETTINGS = Set.of(DIRECTORY, MASTER_KEY_FILE, MASTER_KEY_ENV);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public LocalSecretStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the store.
   *
   * @throws IllegalArgumentException for an unknown or missing setting, or both key settings
   * @throws dev.tdeveloper.security.spi.SecretStoreException if the store cannot be opened
   */
  @Override
  public SecretStore create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    for (String setting : config.keySet()) {
      if (!SETTINGS.contains(setting)) {
        throw new IllegalArgumentException(
            "the "
                + NAME
                + " secret store has no setting '"
                + setting
                + "'; it accepts "
                + DIRECTORY
                + ", "
                + MASTER_KEY_FILE
                + " and "
                + MASTER_KEY_ENV);
      }
    }
    LocalSecretStoreBuilder builder =
        LocalSecretStore.builder(Path.of(StoreSettings.required(config, DIRECTORY)));
    boolean file = config.containsKey(MASTER_KEY_FILE);
    boolean env = config.containsKey(MASTER_KEY_ENV);
    if (file == env) {
      throw new IllegalArgumentException(
          "the "
              + NAME
              + " secret store needs exactly one of "
              + MASTER_KEY_FILE
              + " and "
              + MASTER_KEY_ENV);
    }
    if (file) {
      builder.masterKeyFile(Path.of(StoreSettings.required(config, MASTER_KEY_FILE)));
    } else {
      builder.masterKeyFromEnvironment(StoreSettings.required(config, MASTER_KEY_ENV));
    }
    return builder.open();
  }
}
