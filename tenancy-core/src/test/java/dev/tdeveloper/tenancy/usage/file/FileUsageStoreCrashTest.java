package dev.tdeveloper.tenancy.usage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kills a child JVM appending to a store and checks that every append it acknowledged survives. */
class FileUsageStoreCrashTest {
  private static final int ACKS_BEFORE_KILL = 300;

  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource({"EVERY_APPEND, 1", "GROUP_COMMIT, 4", "GROUP_COMMIT, 32"})
  void keepsEveryAcknowledgedAppendWhenTheProcessIsKilled(FsyncPolicy policy, int threads)
      throws Exception {
    Path dir = temp.resolve("store");
    Set<String> acked = new HashSet<>();
    try (ChildJvm child =
        ChildJvm.start(
            CrashingAppender.class,
            temp.resolve("child.err"),
            dir.toString(),
            policy.name(),
            String.valueOf(threads))) {
      assertThat(child.nextLine(20)).isEqualTo("READY");
      assertThatThrownBy(() -> FileUsageStore.builder(dir).open())
          .as("the child process holds the directory lock")
          .isInstanceOf(UsageStoreException.class)
          .hasMessageContaining("is locked");
      while (acked.size() < ACKS_BEFORE_KILL) {
        String line = child.nextLine(20);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        acked.add(line.substring("ACK ".length()));
      }
      for (String line : child.kill()) {
        // A line cut short by the kill can only lose trailing digits of a sequential key, which
        // names an event appended earlier; anything shorter is not an acknowledgement.
        if (line.matches("ACK t\\d+-\\d+")) {
          acked.add(line.substring("ACK ".length()));
        }
      }
    }

    List<String> replayed = replayedKeys(dir);
    assertThat(replayed).doesNotHaveDuplicates().containsAll(acked);

    UsageEvent after =
        UsageEvent.of(
            TenantId.of("tenant-0"), "api_calls", 1, Instant.parse("2026-01-01T11:00:00Z"), "new");
    try (FileUsageStore store = FileUsageStore.builder(dir).fsyncPolicy(policy).open()) {
      store.append(after);
    }
    List<String> expected = new ArrayList<>(replayed);
    expected.add("new");
    assertThat(replayedKeys(dir)).containsExactlyElementsOf(expected);
    assertThat(replayedKeys(dir)).as("replay is stable").containsExactlyElementsOf(expected);
  }

  private static List<String> replayedKeys(Path dir) {
    List<String> keys = new ArrayList<>();
    try (FileUsageStore store = FileUsageStore.builder(dir).open()) {
      store.replay(e -> keys.add(e.idempotencyKey()));
    }
    return keys;
  }
}
