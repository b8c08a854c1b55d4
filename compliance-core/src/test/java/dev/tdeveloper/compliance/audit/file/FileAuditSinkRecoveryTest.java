package dev.tdeveloper.compliance.audit.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What opening a log does with torn tails, corruption and a disagreeing leaves file. */
class FileAuditSinkRecoveryTest {
  @TempDir Path temp;

  private static FileAuditSink open(Path directory) {
    return FileAuditSink.builder(directory).segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES).open();
  }

  /** Writes {@code count} entries in batches of 10 into a new log and closes it. */
  private Path log(String name, int count) {
    Path directory = temp.resolve(name);
    TestLog records = new TestLog();
    try (FileAuditSink sink = open(directory)) {
      for (int i = 0; i < count; i += 10) {
        sink.append(records.next(Math.min(10, count - i)));
        sink.sync();
      }
    }
    return directory;
  }

  private static Path lastSegment(Path directory) throws IOException {
    List<Path> segments = TestLog.segments(directory);
    return segments.get(segments.size() - 1);
  }

  @Test
  void cutsATornLastFrameAtEveryByteOffset() throws IOException {
    Path original = log("original", 25);
    Path segment = lastSegment(original);
    List<Long> offsets = TestLog.frameOffsets(segment);
    long lastFrame = offsets.get(offsets.size() - 2);
    long end = offsets.get(offsets.size() - 1);
    List<AuditRecord> expected = TestLog.from(0).next(24);
    for (long cut = lastFrame; cut < end; cut++) {
      Path copy = TestLog.copy(original, temp.resolve("cut-" + cut));
      DurableFiles.truncate(copy.resolve("segments").resolve(segment.getFileName()), cut);
      try (FileAuditSink sink = open(copy)) {
        assertThat(sink.size()).as("cut at %d", cut).isEqualTo(24);
        assertThat(TestLog.readAll(sink)).containsExactlyElementsOf(expected);
        sink.append(TestLog.from(24).next(1));
      }
      assertThat(TestLog.verify(copy).ok()).as("cut at %d", cut).isTrue();
    }
  }

  @Test
  void cutsGarbageWrittenAfterTheLastFrame() throws IOException {
    Path directory = log("garbage", 25);
    byte[] garbage = new byte[300];
    new Random(7).nextBytes(garbage);
    Files.write(lastSegment(directory), garbage, StandardOpenOption.APPEND);
    Files.write(lastSegment(directory), new byte[4096], StandardOpenOption.APPEND);
    try (FileAuditSink sink = open(directory)) {
      assertThat(TestLog.readAll(sink)).containsExactlyElementsOf(TestLog.from(0).next(25));
    }
    assertThat(TestLog.verify(directory).ok()).isTrue();
  }

  @Test
  void refusesDamageFollowedByValidEntriesNamingFileAndOffset() throws IOException {
    Path directory = log("damaged", 25);
    Path segment = lastSegment(directory);
    long frame = TestLog.frameOffsets(segment).get(3);
    long size = Files.size(segment);
    flip(segment, frame + 20);
    assertThatThrownBy(() -> open(directory))
        .isInstanceOf(AuditLogCorruptException.class)
        .hasMessageContaining(segment.toString())
        .hasMessageContaining("offset " + frame)
        .satisfies(e -> assertThat(((AuditLogCorruptException) e).offset()).isEqualTo(frame));
    assertThat(Files.size(segment)).as("nothing was cut").isEqualTo(size);
  }

  @Test
  void refusesATornTailOfASealedSegment() throws IOException {
    Path directory = log("sealed", 800);
    List<Path> segments = TestLog.segments(directory);
    assertThat(segments).hasSizeGreaterThan(2);
    Path sealed = segments.get(0);
    DurableFiles.truncate(sealed, Files.size(sealed) - 5);
    assertThatThrownBy(() -> open(directory))
        .isInstanceOf(AuditLogCorruptException.class)
        .hasMessageContaining(sealed.toString());
  }

  @Test
  void refusesAMissingSegment() throws IOException {
    Path directory = log("missing", 800);
    Path middle = TestLog.segments(directory).get(1);
    Files.delete(middle);
    assertThatThrownBy(() -> open(directory))
        .isInstanceOf(AuditLogCorruptException.class)
        .hasMessageContaining("a segment is missing");
  }

  @Test
  void recomputesLeafHashesTheLeavesFileLacks() throws IOException {
    Path directory = log("leaves", 60);
    Path leaves = directory.resolve(LeavesFile.NAME);
    DurableFiles.truncate(leaves, LeavesFile.HEADER + 32 * 17 + 5);
    try (FileAuditSink sink = open(directory)) {
      List<byte[]> hashes = new ArrayList<>();
      sink.readLeafHashes(0, 60, h -> hashes.add(h.clone()));
      List<AuditRecord> records = TestLog.from(0).next(60);
      for (int i = 0; i < 60; i++) {
        assertThat(hashes.get(i)).isEqualTo(records.get(i).leafHash());
      }
    }
    assertThat(Files.size(leaves)).isEqualTo(LeavesFile.HEADER + 32 * 60);
    assertThat(TestLog.verify(directory).ok()).isTrue();
  }

  @Test
  void rewritesUnforcedLeafHashesAPowerLossZeroedOrLeftStale() throws IOException {
    Path directory = log("power-loss", 60);
    Path leaves = directory.resolve(LeavesFile.NAME);
    // sync() forces only the segment; a power loss can leave the active segment's leaf hashes
    // as zeros or as other bytes while their records survive.
    try (FileChannel channel = FileChannel.open(leaves, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate(32 * 7), LeavesFile.HEADER + 32 * 41);
      channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), LeavesFile.HEADER + 32 * 55);
    }
    try (FileAuditSink sink = open(directory)) {
      List<byte[]> hashes = new ArrayList<>();
      sink.readLeafHashes(0, 60, h -> hashes.add(h.clone()));
      List<AuditRecord> records = TestLog.from(0).next(60);
      for (int i = 0; i < 60; i++) {
        assertThat(hashes.get(i)).as("leaf %d", i).isEqualTo(records.get(i).leafHash());
      }
    }
    assertThat(TestLog.verify(directory).ok()).isTrue();
  }

  @Test
  void cutsLeafHashesBeyondTheLastEntry() throws IOException {
    Path directory = log("extra", 30);
    Files.write(directory.resolve(LeavesFile.NAME), new byte[32 * 3], StandardOpenOption.APPEND);
    assertThat(TestLog.verify(directory).problem().orElseThrow().kind())
        .isEqualTo(VerificationReport.Kind.LEAVES_FILE_MISMATCH);
    try (FileAuditSink sink = open(directory)) {
      assertThat(sink.size()).isEqualTo(30);
    }
    assertThat(TestLog.verify(directory).ok()).isTrue();
  }

  @Test
  void refusesToRecomputeALeafHashThatDoesNotMatchItsEvent() throws IOException {
    Path directory = temp.resolve("wrong-leaf");
    try (FileAuditSink sink = open(directory)) {
      byte[] event = TestLog.event(0);
      sink.append(List.of(AuditRecord.of(0, event, MerkleHashes.leaf(new byte[] {1}))));
    }
    DurableFiles.truncate(directory.resolve(LeavesFile.NAME), LeavesFile.HEADER);
    assertThatThrownBy(() -> open(directory))
        .isInstanceOf(AuditLogCorruptException.class)
        .hasMessageContaining("leaf hash does not match its event");
  }

  @Test
  void aSecondSinkOnTheSameDirectoryIsRefused() {
    Path directory = temp.resolve("locked");
    try (FileAuditSink sink = open(directory)) {
      assertThatThrownBy(() -> open(directory))
          .isInstanceOf(ComplianceException.class)
          .hasMessageContaining("locked");
      assertThat(sink.size()).isZero();
    }
    try (FileAuditSink again = open(directory)) {
      assertThat(again.size()).isZero();
    }
  }

  static void flip(Path file, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= 0x10;
    Files.write(file, bytes);
  }
}
