package dev.tdeveloper.compliance.audit.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a child JVM ({@code kill -9}) appending with group commit, then recovers and verifies. */
class FileAuditSinkCrashTest {
  @TempDir Path temp;

  @Test
  void keepsEveryAcknowledgedEntryAndCutsOnlyTheUnacknowledgedTail() throws Exception {
    Path directory = temp.resolve("log");
    Random random = new Random(20260101);
    long acknowledged = -1;
    for (int round = 0; round < 5; round++) {
      List<String> lines = new ArrayList<>();
      try (ChildJvm child =
          ChildJvm.start(
              FileAuditSinkCrashChild.class,
              temp.resolve("child-" + round + ".err"),
              directory.toString(),
              Long.toString(random.nextLong()))) {
        String open = child.nextLine(60);
        assertThat(open).as(child.errorOutput()).isEqualTo("OPEN " + (acknowledged + 1));
        int wanted = 20 + random.nextInt(400);
        for (int acks = 0; acks < wanted; acks++) {
          String line = child.nextLine(60);
          assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
          lines.add(line);
        }
        lines.addAll(child.kill());
      }
      for (String line : lines) {
        String[] parts = line.split(" ");
        if (parts.length == 2 && parts[0].equals("ACK") && !parts[1].isEmpty()) {
          acknowledged = Math.max(acknowledged, Long.parseLong(parts[1]));
        }
      }
      VerificationReport before = TestLog.verify(directory);
      assertThat(before.problem()).as("before recovery").isEmpty();
      assertThat(before.size()).isGreaterThan(acknowledged);
      try (FileAuditSink sink = FileAuditSink.builder(directory).open()) {
        assertThat(sink.size())
            .as("recovery keeps every complete entry and nothing more")
            .isEqualTo(before.size());
        assertThat(TestLog.readAll(sink))
            .containsExactlyElementsOf(TestLog.from(0).next(Math.toIntExact(sink.size())));
        acknowledged = sink.size() - 1;
      }
      VerificationReport after =
          AuditVerifier.builder(directory)
              .chain(TestLog.CHAIN)
              .expectedSize(acknowledged + 1)
              .build()
              .verify();
      assertThat(after.problem()).isEmpty();
      assertThat(after.entriesChecked()).isEqualTo(acknowledged + 1);
    }
  }
}
