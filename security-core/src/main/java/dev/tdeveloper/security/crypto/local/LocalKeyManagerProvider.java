package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyManagerProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link LocalKeyManager} under the name {@value #NAME}. Settings: {@value #DIRECTORY}
 * (required) and exactly one of {@value #MASTER_KEY_FILE} or {@value #MASTER_KEY_ENV}; any other
 * setting is rejected. Stateless and thread-safe.
 */
public final class LocalKeyManagerProvider implements KeyManagerProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "local";

  /** The setting naming the key store directory: {@value}. */
  public static final String DIRECTORY = "directory";

  /** The setting naming the file holding the master key: {@value}. */
  public static final String MASTER_KEY_FILE = "master-key-file";

  /** The setting naming the environment variable holding the master key: {@value}. */
  public static final String MASTER_KEY_ENV = "master-key-env";

  private static final Set<String> SETTINGS = Set.of(DIRECTORY, MASTER_KEY_FILE, MASTER_KEY_ENV);

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
    Objects.requireNonNull(config, "config");
    for (String setting : config.keySet()) {
      if (!SETTINGS.contains(setting)) {
        throw new IllegalArgumentException(
            "the "
                + NAME
                + " key manager has no setting '"
                + setting
                + "'; it accepts "
                + DIRECTORY
                + ", "
                + MASTER_KEY_FILE
                + " and "
                + MASTER_KEY_ENV);
      }
    }
    String directory = config.get(DIRECTORY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException(
          "the " + NAME + " key manager needs the setting " + DIRECTORY);
    }
    String file = config.get(MASTER_KEY_FILE);
    String env = config.get(MASTER_KEY_ENV);
    if ((file == null) == (env == null)) {
      throw new IllegalArgumentException(
          "the "
              + NAME
              + " key manager needs exactly one of "
              + MASTER_KEY_FILE
              + " and "
              + MASTER_KEY_ENV
              + "; "
              + (file == null ? "neither" : "both")
              + " was set");
    }
    MasterKey master =
        file != null ? MasterKey.fromFile(Path.of(file)) : MasterKey.fromEnvironment(env);
    return LocalKeyManager.builder(Path.of(directory), master).open();
  }
}
