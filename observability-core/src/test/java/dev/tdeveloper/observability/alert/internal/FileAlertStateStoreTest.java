package dev.tdeveloper.observability.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.alert.NotificationLogEntry;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.spi.AlertStateStoreException;
import dev.tdeveloper.observability.spi.AlertStateStoreProvider;
import dev.tdeveloper.observability.testkit.AlertStateStoreContract;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAlertStateStoreTest extends AlertStateStoreContract {
  @TempDir Path temp;

  private Path dir() {
    return temp.resolve("alerts");
  }

  @Override
  protected AlertStateStore open() {
    return AlertStateStore.file(dir());
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefused() {
    try (AlertStateStore first = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(AlertStateStoreException.class)
          .hasMessageContaining("is locked");
    }
  }

  @Test
  void refusesACorruptFileNamingIt() throws Exception {
    Files.createDirectories(dir());
    Path file = dir().resolve(FileAlertStateStore.FILE_NAME);
    for (String content :
        new String[] {"garbage", "{\"v\":2}", "{\"v\":1,\"log\":[{}],\"silences\":[]}"}) {
      Files.writeString(file, content);
      assertThatThrownBy(this::open)
          .isInstanceOf(AlertStateStoreException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("corrupt");
    }
  }

  @Test
  void providersAreFoundByNameAndRejectUnknownProperties() {
    AlertStateStoreProvider file = AlertStateStoreProvider.select(Optional.of("file"));
    assertThatThrownBy(() -> file.create(Map.of("directory", dir().toString(), "size", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown properties [size]");
    assertThatThrownBy(() -> file.create(Map.of())).hasMessageContaining("'directory' is required");
    try (AlertStateStore store = file.create(Map.of("directory", dir().toString()))) {
      assertThat(store).isInstanceOf(FileAlertStateStore.class);
    }
    AlertStateStoreProvider memory = AlertStateStoreProvider.select(Optional.of("in-memory"));
    assertThatThrownBy(() -> memory.create(Map.of("directory", "x")))
        .hasMessageContaining("unknown properties [directory]");
    assertThatThrownBy(() -> AlertStateStoreProvider.select(Optional.empty()))
        .hasMessageContaining("several");
  }

  @Test
  void aCrashMidWriteLeavesTheLastCompleteState() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(Writer.class, temp.resolve("child.err"), dir().toString(), "5")) {
      child.awaitLine("AT " + FileAlertStateStore.STEP_MID_WRITE, 60);
      child.kill();
    }
    try (AlertStateStore store = open()) {
      assertThat(store.notificationLog())
          .extracting(NotificationLogEntry::groupKey)
          .containsExactly("g0", "g1", "g2", "g3");
    }
    assertThat(Files.exists(dir().resolve(FileAlertStateStore.FILE_NAME + ".tmp"))).isFalse();
  }

  /** Child: records groups g0..g(n-1) one per write, holding mid-way through the last write. */
  public static final class Writer {
    private Writer() {}

    /** Runs the child. */
    public static void main(String[] args) {
      ChildJvm.exitWhenParentGoes();
      int n = Integer.parseInt(args[1]);
      int[] writes = {0};
      FileAlertStateStore store =
          FileAlertStateStore.open(
              Path.of(args[0]),
              step -> {
                if (++writes[0] == n) {
                  CrashPoint.holdAt(step).accept(step);
                }
              });
      for (int i = 0; i < n; i++) {
        store.recordNotifications(
            List.of(
                new NotificationLogEntry(
                    "g" + i, "ops", Instant.EPOCH, Set.of((long) i), Set.of())));
      }
    }
  }
}
