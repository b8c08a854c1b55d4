package dev.tdeveloper.observability.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.spi.EscalationStateStoreProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationStateStoreProviderTest {
  @TempDir Path temp;

  @Test
  void findsTheFileProviderByName() {
    EscalationStateStoreProvider provider =
        EscalationStateStoreProvider.select(Optional.of("file"));
    assertThat(provider).isInstanceOf(FileEscalationStateStoreProvider.class);
    try (EscalationStateStore store =
        provider.create(Map.of("directory", temp.resolve("s").toString()))) {
      assertThat(store).isInstanceOf(FileEscalationStateStore.class);
    }
  }

  @Test
  void findsTheInMemoryProviderByName() {
    try (EscalationStateStore store =
        EscalationStateStoreProvider.select(Optional.of("in-memory")).create(Map.of())) {
      assertThat(store).isInstanceOf(InMemoryEscalationStateStore.class);
    }
  }

  @Test
  void withoutANameTheErrorListsBothProviders() {
    assertThatThrownBy(() -> EscalationStateStoreProvider.select(Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("file")
        .hasMessageContaining("in-memory");
  }

  @Test
  void rejectsUnknownAndMissingProperties() {
    assertThatThrownBy(
            () ->
                new FileEscalationStateStoreProvider()
                    .create(Map.of("directory", temp.toString(), "dir", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown property 'dir'")
        .hasMessageContaining("[directory]");
    assertThatThrownBy(() -> new FileEscalationStateStoreProvider().create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'directory'")
        .hasMessageContaining("required");
    assertThatThrownBy(
            () -> new InMemoryEscalationStateStoreProvider().create(Map.of("directory", "/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[directory]");
  }
}
