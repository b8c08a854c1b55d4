package dev.tdeveloper.compliance.audit.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.spi.AuditSinkProvider;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation, retention, settings and provider of the file sink. */
class FileAuditSinkTest {
  @TempDir Path temp;
  private final ManualClock clock = new ManualClock();

  private static long segmentBytes(Path directory) throws IOException {
    long total = 0;
    for (Path segment : TestLog.segments(directory)) {
      total += Files.size(segment);
    }
    return total;
  }

  @Test
  void rotatesSegmentsNamedAfterTheirFirstEntry() throws IOException {
    Path directory = temp.resolve("log");
    TestLog log = new TestLog();
    try (FileAuditSink sink =
        FileAuditSink.builder(directory).segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES).open()) {
      for (int i = 0; i < 40; i++) {
        sink.append(log.next(50));
        sink.sync();
      }
      assertThat(TestLog.readAll(sink)).containsExactlyElementsOf(TestLog.from(0).next(2000));
    }
    List<Path> segments = TestLog.segments(directory);
    assertThat(segments).hasSizeGreaterThan(4);
    long first = 0;
    for (Path segment : segments) {
      assertThat(segment.getFileName()).hasToString(String.format("%020d.seg", first));
      assertThat(Files.size(segment)).isLessThanOrEqualTo(FileAuditSink.MIN_SEGMENT_BYTES);
      first += TestLog.frameOffsets(segment).size() - 1;
    }
    assertThat(first).isEqualTo(2000);
  }

  @Test
  void retentionByAgeKeepsLeafHashesCheckpointsAndTheChain() throws IOException {
    Path directory = temp.resolve("aged");
    TestLog log = new TestLog();
    List<AuditRecord> all = new ArrayList<>();
    try (FileAuditSink sink = aged(directory)) {
      for (int i = 0; i < 20; i++) {
        all.addAll(log.next(50));
        sink.append(all.subList(all.size() - 50, all.size()));
      }
      sink.storeCheckpoint("log.example/audit\n1000\nROOT\n\n— key sig\n");
      assertThat(sink.applyRetention()).isZero();
      clock.advance(Duration.ofDays(2));
      int deleted = sink.applyRetention();
      assertThat(deleted).isPositive();
      long first = sink.firstRetained();
      assertThat(first)
          .isPositive()
          .isEqualTo(
              SegmentFormat.parseName(TestLog.segments(directory).get(0).getFileName().toString())
                  .orElseThrow());
      assertThatThrownBy(() -> sink.read(0, 1, r -> {}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[" + first + ", 1000)");
      assertThat(TestLog.readAll(sink)).containsExactlyElementsOf(all.subList((int) first, 1000));
      List<byte[]> hashes = new ArrayList<>();
      sink.readLeafHashes(0, 1000, h -> hashes.add(h.clone()));
      for (int i = 0; i < 1000; i++) {
        assertThat(hashes.get(i)).isEqualTo(all.get(i).leafHash());
      }
      assertThat(sink.checkpoints()).hasSize(1);
    }
    assertThat(TestLog.verify(directory).problem()).isEmpty();
    try (FileAuditSink sink = aged(directory)) {
      long first = sink.firstRetained();
      assertThat(first).isPositive();
      sink.append(log.next(30));
      assertThat(sink.size()).isEqualTo(1030);
      assertThat(sink.checkpoints()).hasSize(1);
    }
    VerificationReport report = TestLog.verify(directory);
    assertThat(report.problem()).isEmpty();
    assertThat(report.firstRetained()).isPositive();
    assertThat(report.entriesChecked()).isEqualTo(1030 - report.firstRetained());
  }

  private FileAuditSink aged(Path directory) {
    return FileAuditSink.builder(directory)
        .segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES)
        .retention(RetentionSettings.keepAll().withMaxAge(Duration.ofDays(1)))
        .clock(clock)
        .open();
  }

  @Test
  void retentionBySizeKeepsAllSegmentsUnderTheLimit() throws IOException {
    Path directory = temp.resolve("sized");
    long limit = 3 * FileAuditSink.MIN_SEGMENT_BYTES;
    TestLog log = new TestLog();
    try (FileAuditSink sink =
        FileAuditSink.builder(directory)
            .segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES)
            .retention(RetentionSettings.keepAll().withMaxBytes(limit))
            .open()) {
      for (int i = 0; i < 100; i++) {
        sink.append(log.next(30));
        assertThat(segmentBytes(directory))
            .as("checked on rotation: at most one segment's growth over the limit")
            .isLessThanOrEqualTo(limit + FileAuditSink.MIN_SEGMENT_BYTES);
        sink.applyRetention();
        assertThat(segmentBytes(directory)).isLessThanOrEqualTo(limit);
      }
      assertThat(sink.firstRetained()).isPositive();
      assertThat(TestLog.readAll(sink))
          .containsExactlyElementsOf(
              TestLog.from(sink.firstRetained()).next((int) (3000 - sink.firstRetained())));
    }
    assertThat(TestLog.verify(directory).problem()).isEmpty();
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    var builder = FileAuditSink.builder(temp);
    assertThatThrownBy(() -> builder.segmentBytes(1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segmentBytes")
        .hasMessageContaining("1000")
        .hasMessageContaining("65536");
    builder.segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES);
    assertThatThrownBy(() -> builder.segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("segmentBytes");
    assertThatThrownBy(() -> RetentionSettings.keepAll().withMaxAge(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAge");
    assertThatThrownBy(() -> RetentionSettings.keepAll().withMaxBytes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBytes");
  }

  @Test
  void rejectsAnOversizedEventAndBlankCheckpointsWritingNothing() {
    try (FileAuditSink sink = FileAuditSink.builder(temp.resolve("big")).open()) {
      sink.append(new TestLog().next(1));
      byte[] event = new byte[FileAuditSink.MAX_EVENT_BYTES + 1];
      List<AuditRecord> big = List.of(AuditRecord.of(1, event, MerkleHashes.leaf(event)));
      assertThatThrownBy(() -> sink.append(big))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("audit record 1")
          .hasMessageContaining(Integer.toString(FileAuditSink.MAX_EVENT_BYTES));
      assertThatThrownBy(() -> sink.storeCheckpoint(" "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("signedNote");
      assertThat(sink.size()).isEqualTo(1);
      assertThat(sink.checkpoints()).isEmpty();
    }
  }

  @Test
  void theProviderIsFoundByNameAndChecksItsProperties() {
    AuditSinkProvider provider =
        ProviderSelector.select(AuditSinkProvider.class, Optional.of("file"), "compliance-core");
    Path directory = temp.resolve("provided");
    try (AuditSink sink =
        provider.create(
            new AuditSinkProvider.Config(
                clock,
                Map.of(
                    FileAuditSinkProvider.DIRECTORY,
                    directory.toString(),
                    FileAuditSinkProvider.SEGMENT_BYTES,
                    "131072",
                    FileAuditSinkProvider.RETENTION_MAX_AGE,
                    "P400D",
                    FileAuditSinkProvider.RETENTION_MAX_BYTES,
                    "1000000000",
                    "postgres.url",
                    "ignored")))) {
      FileAuditSink file = (FileAuditSink) sink;
      assertThat(file.segmentBytes()).isEqualTo(131072);
      assertThat(file.retention().maxAge()).contains(Duration.ofDays(400));
    }
    String dir = directory.toString();
    assertThatThrownBy(() -> provider.create(AuditSinkProvider.Config.of(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file.directory");
    assertThatThrownBy(
            () ->
                provider.create(
                    AuditSinkProvider.Config.of(
                        Map.of(FileAuditSinkProvider.DIRECTORY, dir, "file.segment-size", "1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file.segment-size");
    assertThatThrownBy(
            () ->
                provider.create(
                    AuditSinkProvider.Config.of(
                        Map.of(
                            FileAuditSinkProvider.DIRECTORY,
                            dir,
                            FileAuditSinkProvider.RETENTION_MAX_AGE,
                            "a year"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file.retention.max-age")
        .hasMessageContaining("a year");
  }
}
