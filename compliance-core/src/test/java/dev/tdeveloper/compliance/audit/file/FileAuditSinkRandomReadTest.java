package dev.tdeveloper.compliance.audit.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.compliance.spi.AuditRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single entries and short ranges read through the segments' sparse offset index are exactly the
 * entries written, in a log of many segments, while it is written and after it is reopened (when
 * recovery rebuilds the index).
 */
class FileAuditSinkRandomReadTest {
  @TempDir Path temp;

  @Test
  void readsAnyEntryOrRangeExactlyWhetherWrittenNowOrRecovered() throws IOException {
    Path directory = temp.resolve("log");
    int count = 5_000;
    List<AuditRecord> written = TestLog.from(0).next(count);
    try (FileAuditSink sink =
        FileAuditSink.builder(directory).segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES).open()) {
      for (int i = 0; i < count; i += 97) {
        sink.append(written.subList(i, Math.min(count, i + 97)));
      }
      assertThat(TestLog.segments(directory)).hasSizeGreaterThan(3);
      checkRandomReads(sink, written, new Random(1));
    }
    try (FileAuditSink sink =
        FileAuditSink.builder(directory).segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES).open()) {
      checkRandomReads(sink, written, new Random(2));
    }
  }

  private static void checkRandomReads(
      FileAuditSink sink, List<AuditRecord> written, Random random) {
    for (int round = 0; round < 400; round++) {
      int from = random.nextInt(written.size());
      int to = Math.min(written.size(), from + 1 + random.nextInt(round % 2 == 0 ? 1 : 600));
      List<AuditRecord> read = new ArrayList<>();
      sink.read(from, to, read::add);
      assertThat(read)
          .as("[%d, %d)", from, to)
          .containsExactlyElementsOf(written.subList(from, to));
    }
  }
}
