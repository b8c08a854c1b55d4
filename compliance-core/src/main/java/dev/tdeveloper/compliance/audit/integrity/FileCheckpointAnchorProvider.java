package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.compliance.spi.CheckpointAnchorProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link FileCheckpointAnchor} under the name {@value #NAME}, like compliance-core's file
 * audit sink. One setting: {@value #DIRECTORY} (required), the anchor's directory, created if
 * missing; put it outside the log's reach. Any other setting is rejected. Stateless and
 * thread-safe.
 */
public final class FileCheckpointAnchorProvider implements CheckpointAnchorProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "file";

  /** The setting naming the anchor's directory: {@value}. */
  public static final String DIRECTORY = "directory";

  private static final Set<String> SETTINGS = Set.of(DIRECTORY);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FileCheckpointAnchorProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens a file anchor in the configured directory.
   *
   * @throws IllegalArgumentException for an unknown setting, or a missing, blank or invalid
   *     directory
   * @throws dev.tdeveloper.compliance.ComplianceException if the directory is locked by another
   *     anchor or the anchor file is damaged
   */
  @Override
  public CheckpointAnchor create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    for (String setting : config.keySet()) {
      if (!SETTINGS.contains(setting)) {
        throw new IllegalArgumentException(
            "the "
                + NAME
                + " checkpoint anchor has no setting '"
                + setting
                + "'; it accepts "
                + SETTINGS);
      }
    }
    String directory = config.get(DIRECTORY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException(
          "the " + NAME + " checkpoint anchor needs the setting " + DIRECTORY);
    }
    Path path;
    try {
      path = Path.of(directory.trim());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "setting " + DIRECTORY + " is not a valid path: '" + directory + "'", e);
    }
    return FileCheckpointAnchor.open(path);
  }
}
