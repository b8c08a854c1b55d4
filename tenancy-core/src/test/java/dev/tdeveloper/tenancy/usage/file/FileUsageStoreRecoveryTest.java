package dev.tdeveloper.tenancy.usage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUsageStoreRecoveryTest {
  @TempDir Path dir;

  private static UsageEvent event(int i) {
    return UsageEvent.of(
        TenantId.of("acme"), "api_calls", i, Instant.parse("2026-01-01T10:00:00Z"), "key-" + i);
  }

  private List<UsageEvent> write(int count, long segmentSize) {
    List<UsageEvent> events = new ArrayList<>();
    try (FileUsageStore store =
        FileUsageStore.builder(dir)
            .fsyncPolicy(FsyncPolicy.NEVER) // closing forces; the tests damage files afterwards
            .segmentSizeBytes(segmentSize)
            .open()) {
      for (int i = 0; i < count; i++) {
        store.append(event(i));
        events.add(event(i));
      }
    }
    return events;
  }

  private List<UsageEvent> reopenAndReplay() {
    List<UsageEvent> events = new ArrayList<>();
    try (FileUsageStore store = FileUsageStore.builder(dir).open()) {
      store.replay(events::add);
    }
    return events;
  }

  private Path lastSegment() throws IOException {
    List<Path> segments = SegmentFiles.list(dir);
    return segments.get(segments.size() - 1);
  }

  /** Returns the offset of record {@code n} (from 0) in a single-segment store of event(i)s. */
  private static long offsetOf(int n) {
    long offset = RecordFormat.HEADER;
    for (int i = 0; i < n; i++) {
      offset += EventCodec.frame(event(i)).length;
    }
    return offset;
  }

  private static void appendBytes(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }

  private static void flipByte(Path file, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= 0x5a;
    Files.write(file, bytes);
  }

  @Test
  void truncatesAnIncompleteLastRecordAndKeepsEverythingBefore() throws IOException {
    List<UsageEvent> events = write(10, 1 << 20);
    Path segment = lastSegment();
    long size = Files.size(segment);
    byte[] partial = Arrays.copyOf(EventCodec.frame(event(10)), 20);
    appendBytes(segment, partial);

    assertThat(reopenAndReplay()).containsExactlyElementsOf(events);
    assertThat(Files.size(segment)).isEqualTo(size);
  }

  @Test
  void truncatesAZeroFilledTail() throws IOException {
    List<UsageEvent> events = write(5, 1 << 20);
    appendBytes(lastSegment(), new byte[300]);
    assertThat(reopenAndReplay()).containsExactlyElementsOf(events);
  }

  @Test
  void truncatesALastRecordWithABadChecksum() throws IOException {
    List<UsageEvent> events = write(10, 1 << 20);
    flipByte(lastSegment(), offsetOf(9) + 12);
    assertThat(reopenAndReplay()).containsExactlyElementsOf(events.subList(0, 9));
  }

  @Test
  void acceptsAppendsAfterRecoveryAndReplaysConsistently() throws IOException {
    List<UsageEvent> events = write(3, 1 << 20);
    appendBytes(lastSegment(), new byte[] {0, 0, 1});
    try (FileUsageStore store = FileUsageStore.builder(dir).open()) {
      store.append(event(99));
    }
    assertThat(reopenAndReplay())
        .containsExactly(events.get(0), events.get(1), events.get(2), event(99));
  }

  @Test
  void failsLoudlyOnACorruptRecordInTheMiddleAndChangesNothing() throws IOException {
    write(10, 1 << 20);
    Path segment = lastSegment();
    flipByte(segment, offsetOf(3) + 15);
    byte[] before = Files.readAllBytes(segment);

    assertThatThrownBy(() -> FileUsageStore.builder(dir).open())
        .isInstanceOfSatisfying(
            CorruptUsageStoreException.class,
            e -> {
              assertThat(e.file()).isEqualTo(segment);
              assertThat(e.offset()).isEqualTo(offsetOf(3));
            })
        .hasMessageContaining(segment.toString())
        .hasMessageContaining("offset " + offsetOf(3))
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("followed by a valid record at offset " + offsetOf(4));
    assertThat(Files.readAllBytes(segment)).isEqualTo(before);
    assertThatThrownBy(() -> FileUsageStore.builder(dir).open())
        .as("the failed open released the directory lock")
        .isInstanceOf(CorruptUsageStoreException.class);
  }

  @Test
  void failsLoudlyOnACorruptLengthInTheMiddle() throws IOException {
    write(10, 1 << 20);
    flipByte(lastSegment(), offsetOf(2) + 2);
    assertThatThrownBy(() -> FileUsageStore.builder(dir).open())
        .isInstanceOf(CorruptUsageStoreException.class)
        .hasMessageContaining("offset " + offsetOf(2));
  }

  @Test
  void failsLoudlyWhenASegmentBeforeTheLastIsDamaged() throws IOException {
    write(60, 1024);
    List<Path> segments = SegmentFiles.list(dir);
    assertThat(segments).hasSizeGreaterThan(2);
    Path first = segments.get(0);
    long size = Files.size(first);
    try (var channel = java.nio.channels.FileChannel.open(first, StandardOpenOption.WRITE)) {
      channel.truncate(size - 3);
    }
    assertThatThrownBy(() -> FileUsageStore.builder(dir).open())
        .isInstanceOf(CorruptUsageStoreException.class)
        .hasMessageContaining(first.toString())
        .hasMessageContaining("not the last");
  }

  @Test
  void failsLoudlyWhenASegmentIsMissing() throws IOException {
    write(60, 1024);
    Path second = SegmentFiles.list(dir).get(1);
    Files.delete(second);
    assertThatThrownBy(() -> FileUsageStore.builder(dir).open())
        .isInstanceOf(CorruptUsageStoreException.class)
        .hasMessageContaining(second.toString())
        .hasMessageContaining("missing");
  }

  @Test
  void rewritesATornSegmentHeader() throws IOException {
    List<UsageEvent> events = write(60, 1024);
    Path next = SegmentFiles.path(dir, SegmentFiles.list(dir).size() + 1);
    Files.write(next, new byte[] {0x54, 0x44});
    try (FileUsageStore store = FileUsageStore.builder(dir).segmentSizeBytes(1024).open()) {
      store.append(event(1000));
    }
    assertThat(Files.size(next)).isGreaterThan(RecordFormat.HEADER);
    List<UsageEvent> expected = new ArrayList<>(events);
    expected.add(event(1000));
    assertThat(reopenAndReplay()).containsExactlyElementsOf(expected);
  }

  @Test
  void failsLoudlyOnAForeignFileAsSegment() throws IOException {
    write(2, 1 << 20);
    Path segment = lastSegment();
    byte[] bytes = Files.readAllBytes(segment);
    bytes[0] = 'X';
    Files.write(segment, bytes);
    assertThatThrownBy(() -> FileUsageStore.builder(dir).open())
        .isInstanceOf(CorruptUsageStoreException.class)
        .hasMessageContaining("bad header");
  }
}
