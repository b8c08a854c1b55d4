package ${package};

import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.compliance.testkit.CheckpointAnchorContract;

/** Holds {@link ${cloud}CheckpointAnchor} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}CheckpointAnchorTest extends CheckpointAnchorContract {
  @Override
  protected CheckpointAnchor createAnchor() {
    return new ${cloud}CheckpointAnchor();
  }
}
