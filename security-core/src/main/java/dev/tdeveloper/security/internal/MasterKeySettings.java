package dev.tdeveloper.security.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the settings of a local-file provider that keeps a directory under a master key: {@value
 * #DIRECTORY} and exactly one of {@value #MASTER_KEY_FILE} and {@value #MASTER_KEY_ENV}, with
 * messages naming the provider. Stateless and thread-safe.
 */
public final class MasterKeySettings {
  /** The setting naming the directory: {@value}. */
  public static final String DIRECTORY = "directory";

  /** The setting naming the file holding the master key: {@value}. */
  public static final String MASTER_KEY_FILE = "master-key-file";

  /** The setting naming the environment variable holding the master key: {@value}. */
  public static final String MASTER_KEY_ENV = "master-key-env";

  private static final Set<String> SETTINGS = Set.of(DIRECTORY, MASTER_KEY_FILE, MASTER_KEY_ENV);

  private MasterKeySettings() {}

  /**
   * Checks that {@code config} has no setting but the three.
   *
   * @param owner the provider as messages name it, such as {@code "the local key manager"}
   * @throws IllegalArgumentException naming the first unknown setting and the accepted ones
   */
  public static void rejectUnknown(Map<String, String> config, String owner) {
    Objects.requireNonNull(config, "config");
    for (String setting : config.keySet()) {
      if (!SETTINGS.contains(setting)) {
        throw new IllegalArgumentException(
            owner
                + " has no setting '"
                + setting
                + "'; it accepts "
                + DIRECTORY
                + ", "
                + MASTER_KEY_FILE
                + " and "
                + MASTER_KEY_ENV);
      }
    }
  }

  /**
   * Returns whether the master key comes from a file ({@code true}) or from an environment variable
   * ({@code false}), given whether each of the two settings was set.
   *
   * @param owner the provider as messages name it
   * @param tellWhich whether the message says if both or neither were set
   * @throws IllegalArgumentException if both or neither were set
   */
  public static boolean masterKeyFromFile(
      String owner, boolean file, boolean env, boolean tellWhich) {
    if (file == env) {
      throw new IllegalArgumentException(
          owner
              + " needs exactly one of "
              + MASTER_KEY_FILE
              + " and "
              + MASTER_KEY_ENV
              + (tellWhich ? "; " + (file ? "both" : "neither") + " was set" : ""));
    }
    return file;
  }
}
