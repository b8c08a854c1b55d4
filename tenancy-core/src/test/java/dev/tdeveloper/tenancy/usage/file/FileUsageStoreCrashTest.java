package dev.tdeveloper.tenancy.usage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kills a child JVM appending to a store and checks that every append it acknowledged survives. */
class FileUsageStoreCrashTest {
  private static final String EOF = "\u0000EOF";
  private static final int ACKS_BEFORE_KILL = 300;

  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource({"EVERY_APPEND, 1", "GROUP_COMMIT, 4"})
  void keepsEveryAcknowledgedAppendWhenTheProcessIsKilled(FsyncPolicy policy, int threads)
      throws Exception {
    Path dir = temp.resolve("store");
    Path errors = temp.resolve("child.err");
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingAppender.class.getName(),
                dir.toString(),
                policy.name(),
                String.valueOf(threads))
            .redirectError(errors.toFile())
            .start();
    Set<String> acked = new HashSet<>();
    try {
      BlockingQueue<String> lines = readLines(child);
      assertThat(lines.poll(20, TimeUnit.SECONDS)).as(childErrors(errors)).isEqualTo("READY");
      assertThatThrownBy(() -> FileUsageStore.builder(dir).open())
          .as("the child process holds the directory lock")
          .isInstanceOf(UsageStoreException.class)
          .hasMessageContaining("is locked");
      while (acked.size() < ACKS_BEFORE_KILL) {
        String line = lines.poll(20, TimeUnit.SECONDS);
        assertThat(line).as(childErrors(errors)).isNotNull().isNotEqualTo(EOF);
        acked.add(line.substring("ACK ".length()));
      }
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      for (String line = lines.poll(10, TimeUnit.SECONDS);
          line != null && !line.equals(EOF);
          line = lines.poll(10, TimeUnit.SECONDS)) {
        // A line cut short by the kill can only lose trailing digits of a sequential key, which
        // names an event appended earlier; anything shorter is not an acknowledgement.
        if (line.matches("ACK t\\d+-\\d+")) {
          acked.add(line.substring("ACK ".length()));
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
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

  private static BlockingQueue<String> readLines(Process child) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the child was killed mid-line; what was read is in the queue
              } finally {
                lines.add(EOF);
              }
            },
            "crash-test-reader");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String childErrors(Path errors) {
    try {
      return Files.exists(errors) ? "child stderr: " + Files.readString(errors) : "";
    } catch (IOException e) {
      return "child stderr unreadable: " + e;
    }
  }
}
