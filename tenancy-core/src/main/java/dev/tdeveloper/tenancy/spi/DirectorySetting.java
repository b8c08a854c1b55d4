package dev.tdeveloper.tenancy.spi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of a local-file provider whose only setting is {@value #DIRECTORY}: read and checked
 * the same way by every such provider of the suite, so their errors read alike.
 */
public final class DirectorySetting {
  /** The setting naming the directory: {@value}. */
  public static final String DIRECTORY = "directory";

  private static final Set<String> SETTINGS = Set.of(DIRECTORY);

  private DirectorySetting() {}

  /**
   * Returns the directory {@code config} names, trimmed.
   *
   * @param config the provider's settings
   * @param component what the provider makes, for errors (for example {@code "file backup store"})
   * @throws IllegalArgumentException for any other setting, or a missing, blank or invalid
   *     directory
   */
  public static Path require(Map<String, String> config, String component) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(component, "component");
    for (String setting : config.keySet()) {
      if (!SETTINGS.contains(setting)) {
        throw new IllegalArgumentException(
            "the " + component + " has no setting '" + setting + "'; it accepts " + SETTINGS);
      }
    }
    String directory = config.get(DIRECTORY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException("the " + component + " needs the setting " + DIRECTORY);
    }
    try {
      return Path.of(directory.trim());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "setting " + DIRECTORY + " is not a valid path: '" + directory + "'", e);
    }
  }
}
