package dev.tdeveloper.distribution.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.spi.ReplicationChannelProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessReplicationChannelProviderTest {
  @Test
  void serviceLoaderFindsTheInProcessChannel() {
    ReplicationChannelProvider provider = ReplicationChannelProvider.select(Optional.empty());
    assertThat(provider.name()).isEqualTo("in-process");
    assertThat(provider.create(Map.of())).isInstanceOf(InProcessReplicationChannel.class);
  }

  @Test
  void eachChannelIsNewAndPropertiesAreRefused() {
    var provider = new InProcessReplicationChannelProvider();
    assertThat(provider.create(Map.of())).isNotSameAs(provider.create(Map.of()));
    assertThatThrownBy(() -> provider.create(Map.of("redis.uri", "redis://x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown properties [redis.uri]")
        .hasMessageContaining("takes none");
  }
}
