package dev.tdeveloper.tenancy.quota.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStoreException;
import dev.tdeveloper.tenancy.testkit.AttemptLog;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a child JVM writing to a store ({@code kill -9}) and checks what it acknowledged survives.
 */
class FileQuotaStoreCrashTest {
  private static final int ACKS_BEFORE_KILL = 400;

  @TempDir Path temp;

  private Path dir() {
    return temp.resolve("quotas");
  }

  private FileQuotaStore reopen(Duration after) {
    ManualClock clock = new ManualClock(CrashingQuotaWriter.WINDOW).advance(after);
    return FileQuotaStore.builder(dir()).clock(clock).open();
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void keepsEveryAcknowledgedAddWhenKilledMidWriteAndMidCompaction() throws Exception {
    List<String> lines = new ArrayList<>();
    try (ChildJvm child =
        ChildJvm.start(
            CrashingQuotaWriter.class,
            temp.resolve("child.err"),
            dir().toString(),
            "adds",
            "4",
            temp.resolve("attempts").toString())) {
      child.awaitLine("READY", 30);
      assertThatThrownBy(() -> reopen(Duration.ZERO))
          .as("the child holds the directory lock")
          .isInstanceOf(QuotaStoreException.class)
          .hasMessageContaining("is locked");
      for (int acks = 0; acks < ACKS_BEFORE_KILL; ) {
        String line = child.nextLine(30);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        lines.add(line);
        acks += line.startsWith("ACK ") ? 1 : 0;
      }
      lines.addAll(child.kill());
    }
    Map<String, Long> acked = new HashMap<>();
    Map<String, Long> tried = new HashMap<>();
    tried.putAll(AttemptLog.counts(temp.resolve("attempts")));
    for (String line : lines) {
      String[] parts = line.split(" ");
      if (parts[0].equals("ACK") && parts.length == 3) {
        acked.merge(parts[1], Long.parseLong(parts[2]), Math::max);
      }
    }
    assertThat(acked).hasSize(CrashingQuotaWriter.KEYS);

    try (FileQuotaStore store = reopen(Duration.ZERO)) {
      for (Map.Entry<String, Long> ack : acked.entrySet()) {
        assertThat(store.used(CrashingQuotaWriter.key(ack.getKey())))
            .as(ack.getKey())
            .isBetween(ack.getValue(), tried.get(ack.getKey()));
      }
      assertThat(files())
          .as("the child compacted")
          .doesNotContain("snapshot-00000000000000000001.snap");
      QuotaKey key = CrashingQuotaWriter.key(CrashingQuotaWriter.keyName(0));
      long before = store.used(key);
      assertThat(store.tryAdd(key, 1, Long.MAX_VALUE, CrashingQuotaWriter.EXPIRES))
          .isEqualTo(new QuotaAddResult.Added(before + 1));
    }
  }

  @ParameterizedTest
  @EnumSource(CounterLog.CompactionStep.class)
  void recoversExactlyTheAcknowledgedStateWhenKilledDuringCompaction(CounterLog.CompactionStep step)
      throws Exception {
    Map<String, Long> acked = new HashMap<>();
    try (ChildJvm child =
        ChildJvm.start(
            CrashingQuotaWriter.class,
            temp.resolve("child.err"),
            dir().toString(),
            "compact",
            step.name())) {
      for (String line : child.awaitLine("STEP " + step, 30)) {
        String[] parts = line.split(" ");
        acked.put(parts[1], Long.parseLong(parts[2])); // the last value is the current one
      }
      child.kill();
    }
    assertThat(files()).containsExactlyElementsOf(filesWhenKilledAfter(step));

    Duration afterTheHourlyWindow = Duration.ofHours(2);
    try (FileQuotaStore store = reopen(afterTheHourlyWindow)) {
      for (Map.Entry<String, Long> ack : acked.entrySet()) {
        assertThat(store.used(CrashingQuotaWriter.key(ack.getKey())))
            .as(ack.getKey())
            .isEqualTo(ack.getValue());
      }
    }
    assertThat(files())
        .containsExactlyElementsOf(filesWhenKilledAfter(CounterLog.CompactionStep.DONE));
    Map<QuotaKey, Counter> stored = new HashMap<>();
    QuotaFiles.recover(dir(), stored);
    assertThat(stored.keySet())
        .as("the new generation holds the live counters only: not the expired hourly one")
        .containsExactlyInAnyOrderElementsOf(
            acked.keySet().stream().map(CrashingQuotaWriter::key).toList());

    QuotaKey key = CrashingQuotaWriter.key(CrashingQuotaWriter.keyName(1));
    try (FileQuotaStore store = reopen(afterTheHourlyWindow)) {
      store.tryAdd(key, 1, Long.MAX_VALUE, CrashingQuotaWriter.EXPIRES);
      store.compact();
    }
    try (FileQuotaStore store = reopen(afterTheHourlyWindow)) {
      assertThat(store.used(key)).isEqualTo(acked.get(CrashingQuotaWriter.keyName(1)) + 1);
    }
  }

  private static List<String> filesWhenKilledAfter(CounterLog.CompactionStep step) {
    String log1 = "counters-00000000000000000001.log";
    String log2 = "counters-00000000000000000002.log";
    String snapshot1 = "snapshot-00000000000000000001.snap";
    String snapshot2 = "snapshot-00000000000000000002.snap";
    return switch (step) {
      case SNAPSHOT_WRITTEN -> List.of(log1, "quota.lock", snapshot1, snapshot2);
      case LOG_CREATED -> List.of(log1, log2, "quota.lock", snapshot1, snapshot2);
      case OLD_LOG_DELETED -> List.of(log2, "quota.lock", snapshot1, snapshot2);
      case DONE -> List.of(log2, "quota.lock", snapshot2);
    };
  }
}
