package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.distribution.spi.ReplicationChannelProvider;
import java.util.Map;
import java.util.Objects;

/**
 * Provides {@link InProcessReplicationChannel}s under the name {@value #NAME}: every region in one
 * JVM (tests, simulation, a single machine). Takes no properties.
 *
 * <p>Stateless and thread-safe; each {@link #create} returns a new, empty channel.
 */
public final class InProcessReplicationChannelProvider implements ReplicationChannelProvider {
  /** The provider name: {@value}. */
  public static final String NAME = "in-process";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InProcessReplicationChannelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ReplicationChannel create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    if (!properties.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown properties "
              + properties.keySet()
              + " of the in-process replication channel;"
              + " it takes none");
    }
    return new InProcessReplicationChannel();
  }
}
