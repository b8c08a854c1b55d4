package dev.tdeveloper.dr.pitr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a child JVM ({@code kill -9}) appending and truncating, then reopens and verifies. */
class ChangeJournalCrashTest {
  @TempDir Path temp;

  @Test
  void keepsEveryAcknowledgedRecordIntactAndContiguousAcrossKills() throws Exception {
    Path directory = temp.resolve("journal");
    Random random = new Random(20260109);
    Map<String, Long> acknowledged = new HashMap<>();
    long truncated = 0;
    long announced = 0;
    for (int round = 0; round < 5; round++) {
      List<String> lines = new ArrayList<>();
      try (ChildJvm child =
          ChildJvm.start(
              ChangeJournalCrashChild.class,
              temp.resolve("child-" + round + ".err"),
              directory.toString(),
              Long.toString(random.nextLong()))) {
        assertThat(child.nextLine(60)).as(child.errorOutput()).isEqualTo("OPEN");
        int wanted = 50 + random.nextInt(400);
        for (int i = 0; i < wanted; i++) {
          String line = child.nextLine(60);
          assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
          lines.add(line);
        }
        lines.addAll(child.kill());
      }
      for (String line : lines) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("ACK") && !parts[2].isEmpty()) {
          acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
        } else if (parts.length == 3 && parts[0].equals("TRUNCATED") && !parts[2].isEmpty()) {
          truncated = Math.max(truncated, Long.parseLong(parts[2]));
        } else if (parts.length == 3 && parts[0].equals("TRUNCATING") && !parts[2].isEmpty()) {
          announced = Math.max(announced, Long.parseLong(parts[2]));
        }
      }
      try (FileChangeJournal journal = FileChangeJournal.builder(directory).open()) {
        for (BackupScope scope : ChangeJournalCrashChild.SCOPES) {
          long acked = acknowledged.getOrDefault(scope.key(), -1L);
          long next = journal.nextSequence(scope);
          assertThat(next)
              .as("every acknowledged record of %s survives", scope)
              .isGreaterThan(acked);
          List<ChangeRecord> records = new ArrayList<>();
          journal.read(scope, 0, records::add);
          long first = records.isEmpty() ? next : records.get(0).sequence();
          if (scope.equals(ChangeJournalCrashChild.SCOPES.get(0))) {
            assertThat(first)
                .as("an acknowledged truncation holds")
                .isBetween(truncated, announced);
          } else {
            assertThat(first).isZero();
          }
          for (int i = 0; i < records.size(); i++) {
            ChangeRecord record = records.get(i);
            long sequence = first + i;
            assertThat(record.sequence()).as("contiguous").isEqualTo(sequence);
            assertThat(record.time()).isEqualTo(ChangeJournalCrashChild.time(sequence));
            assertThat(record.path()).isEqualTo(ChangeJournalCrashChild.path(sequence));
            assertThat(record.content().map(String::new))
                .isEqualTo(ChangeJournalCrashChild.content(scope, sequence).map(String::new));
          }
          assertThat(first + records.size()).isEqualTo(next);
          acknowledged.put(scope.key(), next - 1);
        }
      }
    }
    assertThat(acknowledged.values()).allSatisfy(last -> assertThat(last).isGreaterThan(100));
  }
}
