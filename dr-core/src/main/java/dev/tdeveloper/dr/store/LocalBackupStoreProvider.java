package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.spi.BackupStoreProvider;
import dev.tdeveloper.tenancy.spi.DirectorySetting;
import java.util.Map;

/**
 * Provides {@link LocalBackupStore} under the name {@value #NAME}, named like the suite's other
 * local-file defaults. One setting: {@value #DIRECTORY} (required), the store's root directory,
 * created if missing. Any other setting is rejected. Stateless and thread-safe.
 */
public final class LocalBackupStoreProvider implements BackupStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "file";

  /** The setting naming the store's root directory: {@value}. */
  public static final String DIRECTORY = DirectorySetting.DIRECTORY;

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
    return LocalBackupStore.open(DirectorySetting.require(config, NAME + " backup store"));
  }
}
