package ${package};

import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.distribution.testkit.ReplicationChannelContract;

/** Holds {@link ${cloud}ReplicationChannel} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}ReplicationChannelTest extends ReplicationChannelContract {
  /**
   * Returns a channel on a new, empty stream, table or key prefix of its own: the kit reuses its
   * regions' names in every test and expects nothing published or acknowledged at the start.
   */
  @Override
  protected ReplicationChannel newChannel() {
    return new ${cloud}ReplicationChannel();
  }
}
