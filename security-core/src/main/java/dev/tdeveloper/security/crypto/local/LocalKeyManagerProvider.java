package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.security.internal.MasterKeySettings;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyManagerProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * Provides {@link LocalKeyManager} under the name {@value #NAME}. Settings: {@value #DIRECTORY}
 * (required) and exactly one of {@value #MASTER_KEY_FILE} or {@value #MASTER_KEY_ENV}; any other
 * setting is rejected. Stateless and thread-safe.
 */
public final class LocalKeyManagerProvider implements KeyManagerProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "local";

  /** The setting naming the key store directory: {@value}. */
  public static final String DIRECTORY = MasterKeySettings.DIRECTORY;

  /** The setting naming the file holding the master key: {@value}. */
  public static final String MASTER_KEY_FILE = MasterKeySettings.MASTER_KEY_FILE;

  /** The setting naming the environment variable holding the master key: {@value}. */
  public static final String MASTER_KEY_ENV = MasterKeySettings.MASTER_KEY_ENV;

  private static final String OWNER = "the " + NAME + " key manager";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public LocalKeyManagerProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens a local key manager.
   *
   * @throws IllegalArgumentException for an unknown or missing setting, both or neither master key
   *     settings, or a bad master key
   */
  @Override
  public KeyManager create(Map<String, String> config) {
    MasterKeySettings.rejectUnknown(config, OWNER);
    String directory = config.get(DIRECTORY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException(OWNER + " needs the setting " + DIRECTORY);
    }
    String file = config.get(MASTER_KEY_FILE);
    String env = config.get(MASTER_KEY_ENV);
    MasterKey master =
        MasterKeySettings.masterKeyFromFile(OWNER, file != null, env != null, true)
            ? MasterKey.fromFile(Path.of(file))
            : MasterKey.fromEnvironment(env);
    return LocalKeyManager.builder(Path.of(directory), master).open();
  }
}
