package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.compliance.spi.CheckpointAnchorProvider;
import dev.tdeveloper.tenancy.spi.DirectorySetting;
import java.util.Map;

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
  public static final String DIRECTORY = DirectorySetting.DIRECTORY;

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
    return FileCheckpointAnchor.open(DirectorySetting.require(config, NAME + " checkpoint anchor"));
  }
}
