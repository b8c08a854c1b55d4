package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.internal.MasterKeySettings;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreProvider;
import dev.tdeveloper.tenancy.internal.StoreSettings;
import java.nio.file.Path;
import java.util.Map;

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
  public static final String DIRECTORY = MasterKeySettings.DIRECTORY;

  /** The setting naming the master-key file: {@value}. */
  public static final String MASTER_KEY_FILE = MasterKeySettings.MASTER_KEY_FILE;

  /** The setting naming the environment variable holding the master key: {@value}. */
  public static final String MASTER_KEY_ENV = MasterKeySettings.MASTER_KEY_ENV;

  private static final String OWNER = "the " + NAME + " secret store";

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
    MasterKeySettings.rejectUnknown(config, OWNER);
    LocalSecretStoreBuilder builder =
        LocalSecretStore.builder(Path.of(StoreSettings.required(config, DIRECTORY)));
    if (MasterKeySettings.masterKeyFromFile(
        OWNER, config.containsKey(MASTER_KEY_FILE), config.containsKey(MASTER_KEY_ENV), false)) {
      builder.masterKeyFile(Path.of(StoreSettings.required(config, MASTER_KEY_FILE)));
    } else {
      builder.masterKeyFromEnvironment(StoreSettings.required(config, MASTER_KEY_ENV));
    }
    return builder.open();
  }
}
