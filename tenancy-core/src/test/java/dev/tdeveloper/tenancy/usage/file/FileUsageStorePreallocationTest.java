package dev.tdeveloper.tenancy.usage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.FrameReader;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preallocated segments ({@link SegmentWriter}): a store's files as a crash leaves them, zero tail
 * and all, reopen to exactly the events appended, as the files of a store without preallocation
 * would; closed and rolled segments end at their last record.
 */
class FileUsageStorePreallocationTest {
  @TempDir Path temp;

  private static UsageEvent event(int i) {
    return UsageEvent.of(
        TenantId.of("t" + i % 3),
        "api_calls",
        i,
        Instant.parse("2026-01-01T10:00:00Z").plusSeconds(i),
        "key-" + i);
  }

  @Test
  void theFilesOfAStoreNotClosedReopenToEveryAppendedEvent() throws IOException {
    Path dir = temp.resolve("store");
    Path image = temp.resolve("image");
    List<UsageEvent> appended = new ArrayList<>();
    try (FileUsageStore store = FileUsageStore.builder(dir).open()) {
      for (int i = 0; i < 50; i++) {
        store.append(event(i));
        appended.add(event(i));
      }
      Path segment = SegmentFiles.list(dir).get(0);
      assertThat(Files.size(segment)).as("preallocated").isGreaterThan(SegmentWriter.CHUNK);
      copySegments(dir, image); // what a killed process leaves on disk
    }

    assertThat(replay(image)).containsExactlyElementsOf(appended);
    assertThat(Files.size(SegmentFiles.list(image).get(0)))
        .as("the zero tail is cut on open")
        .isEqualTo(RecordFormat.HEADER + framed(appended));
    try (FileUsageStore store = FileUsageStore.builder(image).open()) {
      store.append(event(50));
    }
    appended.add(event(50));
    assertThat(replay(image)).containsExactlyElementsOf(appended);
  }

  @Test
  void closingCutsTheZeroTail() throws IOException {
    Path dir = temp.resolve("store");
    List<UsageEvent> appended = List.of(event(1), event(2));
    try (FileUsageStore store = FileUsageStore.builder(dir).open()) {
      appended.forEach(store::append);
    }
    assertThat(Files.size(SegmentFiles.list(dir).get(0)))
        .isEqualTo(RecordFormat.HEADER + framed(appended));
  }

  @Test
  void aTornRecordBeforeTheZerosIsStillATear() throws IOException {
    Path file = temp.resolve("f");
    Files.write(file, new byte[] {1, 2, 0, 0, 0});
    assertThat(DurableFiles.zerosFrom(file, 2)).isTrue();
    assertThat(DurableFiles.zerosFrom(file, 1)).isFalse();
    assertThat(DurableFiles.zerosFrom(file, 5)).isTrue();
  }

  /**
   * Whatever the segment size and wherever the process dies, the files reopen to exactly the events
   * appended before (each acknowledged, being forced), every rolled segment ending at its last
   * record: the answer of a store whose files were never preallocated.
   */
  @Property(tries = 25)
  void aCrashImageReopensToTheAppendedEvents(
      @ForAll @IntRange(min = 1, max = 120) int count,
      @ForAll @IntRange(min = 1024, max = 8192) int segmentSize,
      @ForAll boolean close)
      throws IOException {
    Path root = Files.createTempDirectory("usage-prealloc"); // jqwik injects no @TempDir
    try {
      Path dir = root.resolve("store");
      Path image = root.resolve("image");
      List<UsageEvent> appended = new ArrayList<>();
      try (FileUsageStore store =
          FileUsageStore.builder(dir).segmentSizeBytes(segmentSize).open()) {
        for (int i = 0; i < count; i++) {
          store.append(event(i));
          appended.add(event(i));
        }
        if (!close) {
          copySegments(dir, image);
        }
      }
      if (close) {
        copySegments(dir, image);
      }
      List<Path> segments = SegmentFiles.list(image);
      for (Path rolled : segments.subList(0, segments.size() - 1)) {
        assertThat(Files.size(rolled)).isLessThanOrEqualTo(segmentSize);
        assertThat(SegmentFiles.read(rolled, Files.size(rolled), e -> {}).kind())
            .as("a rolled segment ends at its last record")
            .isEqualTo(FrameReader.Kind.END);
      }
      assertThat(replay(image)).containsExactlyElementsOf(appended);
    } finally {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static long framed(List<UsageEvent> events) {
    return events.stream().mapToLong(e -> EventCodec.frame(e).length).sum();
  }

  private static List<UsageEvent> replay(Path dir) {
    List<UsageEvent> events = new ArrayList<>();
    try (FileUsageStore store = FileUsageStore.builder(dir).open()) {
      store.replay(events::add);
    }
    return events;
  }

  private static void copySegments(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (Path segment : SegmentFiles.list(from)) {
      try {
        Files.copy(segment, to.resolve(segment.getFileName()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
