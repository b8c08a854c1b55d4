package ${package};

import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.distribution.spi.ReplicationChannelProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link ReplicationChannelProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}ReplicationChannelProvider implements ReplicationChannelProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}ReplicationChannelProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /**
   * Creates the channel; read the ${cloud} endpoint, credentials and the channel's stream, table or
   * key prefix from {@code properties} (keys starting with {@code ${cloud.toLowerCase()}.}, any
   * other key refused by name with an {@code IllegalArgumentException}).
   */
  @Override
  public ReplicationChannel create(Map<String, String> properties) {
    return new ${cloud}ReplicationChannel();
  }
}
