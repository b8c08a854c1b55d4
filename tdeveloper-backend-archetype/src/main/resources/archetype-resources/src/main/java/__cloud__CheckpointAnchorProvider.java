package ${package};

import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.compliance.spi.CheckpointAnchorProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link CheckpointAnchorProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}CheckpointAnchorProvider implements CheckpointAnchorProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}CheckpointAnchorProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /**
   * Creates the backend; read the ${cloud} endpoint and the anchor's bucket or key from the
   * settings (credentials from the ${cloud} SDK's own default chain), and reject a setting you do
   * not know.
   */
  @Override
  public CheckpointAnchor create(Map<String, String> config) {
    return new ${cloud}CheckpointAnchor();
  }
}
