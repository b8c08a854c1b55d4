package dev.tdeveloper.observability.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.ObservabilityException;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.testkit.EscalationStateStoreContract;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEscalationStateStoreTest extends EscalationStateStoreContract {
  @TempDir Path temp;

  private Path directory() {
    return temp.resolve("escalation");
  }

  @Override
  protected EscalationStateStore open() {
    return FileEscalationStateStore.open(directory());
  }

  @Test
  void keepsOneJsonFilePerIncidentAndNoTemporaryFile() throws Exception {
    try (EscalationStateStore store = open()) {
      store.save(state("01JFILE", Optional.of("acme"), 0));
    }
    Path file = directory().resolve("01JFILE.json");
    assertThat(Files.readString(file)).contains("\"incident\":\"01JFILE\"", "\"tenant\":\"acme\"");
    assertThat(Files.exists(DurableFiles.tempOf(file))).isFalse();
  }

  @Test
  void ignoresAStaleTemporaryFileLeftByACrash() throws Exception {
    try (EscalationStateStore store = open()) {
      store.save(state("01JSTALE", Optional.empty(), 1));
    }
    Files.writeString(DurableFiles.tempOf(directory().resolve("01JSTALE.json")), "{\"v\":1,");
    try (EscalationStateStore store = open()) {
      assertThat(store.loadAll()).containsExactly(state("01JSTALE", Optional.empty(), 1));
    }
  }

  @Test
  void refusesACorruptFileNamingIt() throws Exception {
    Files.createDirectories(directory());
    Path file = directory().resolve("01JBAD.json");
    for (String content :
        new String[] {"", "garbage", "{\"v\":2}", "{\"v\":1,\"incident\":\"01JBAD\"}"}) {
      Files.writeString(file, content);
      try (EscalationStateStore store = open()) {
        assertThatThrownBy(store::loadAll)
            .isInstanceOf(ObservabilityException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("corrupt");
      }
    }
  }

  @Test
  void refusesAFileHoldingAnotherIncident() throws Exception {
    try (EscalationStateStore store = open()) {
      store.save(state("01JREAL", Optional.empty(), 0));
    }
    Files.move(directory().resolve("01JREAL.json"), directory().resolve("01JOTHER.json"));
    try (EscalationStateStore store = open()) {
      assertThatThrownBy(() -> store.load("01JOTHER"))
          .isInstanceOf(ObservabilityException.class)
          .hasMessageContaining("holds incident 01JREAL");
    }
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefused() {
    try (EscalationStateStore store = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(ObservabilityException.class)
          .hasMessageContaining("is locked");
    }
  }

  @Test
  void rejectsAnIncidentIdThatIsNotAFileName() {
    try (EscalationStateStore store = open()) {
      assertThatThrownBy(() -> store.load("../etc/passwd"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'../etc/passwd'")
          .hasMessageContaining("allowed");
    }
  }
}
