package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.spi.BackupStoreProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link LocalBackupStore} under the name {@value #NAME}, named like the suite's other
 * local-file defaults. One setting: {@value #DIRECTORY} (required), the store's root directory,
 * created if missing. Any other setting is rejected. Stateless and thread-safe.
 */
public final class LocalBackupStoreProvider implements BackupStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "file";

  /** The setting naming the store's root directory: {@value}. */
  public static final String DIRECTORY = "directory";

  private static final Set<String> SETTINGS = Set.of(DIRECTORY);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public LocalBackupStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens a local backup store in the configured directory.
   *
   * @throws IllegalArgumentException for an unknown setting, or a missing, blank or invalid
   *     directory
   * @throws dev.tdeveloper.dr.DrException if the directory is locked by another open store or
   *     cannot be used
   */
  @Override
  public BackupStore create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    for (String setting : config.keySet()) {
      if (!SETTINGS.contains(setting)) {
        throw new IllegalArgumentException(
            "the "
                + NAME
                + " backup store has no setting '"
                + setting
                + "'; it accepts "
                + SETTINGS);
      }
    }
    String directory = config.get(DIRECTORY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException(
          "the " + NAME + " backup store needs the setting " + DIRECTORY);
    }
    Path root;
    try {
      root = Path.of(directory.trim());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "setting " + DIRECTORY + " is not a valid path: '" + directory + "'", e);
    }
    return LocalBackupStore.open(root);
  }
}
