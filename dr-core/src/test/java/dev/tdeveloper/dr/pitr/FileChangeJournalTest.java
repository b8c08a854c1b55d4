package dev.tdeveloper.dr.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link FileChangeJournal} adds to the contract: files, segments, recovery and damage. */
class FileChangeJournalTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));

  @TempDir Path root;

  private FileChangeJournal open() {
    return FileChangeJournal.builder(root).segmentBytes(FileChangeJournal.MIN_SEGMENT_BYTES).open();
  }

  private static void append(FileChangeJournal journal, int count) {
    long first = journal.nextSequence(ACME);
    for (long i = first; i < first + count; i++) {
      byte[] content = ("record " + i + " ").repeat(20).getBytes(StandardCharsets.UTF_8);
      journal.append(ACME, T0.plusSeconds(i), "notes", "f" + (i % 7), Optional.of(content));
    }
  }

  private static List<Long> sequences(FileChangeJournal journal) {
    List<Long> sequences = new ArrayList<>();
    journal.read(ACME, 0, r -> sequences.add(r.sequence()));
    return sequences;
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("tenant-acme"))) {
      return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
    }
  }

  @Test
  void keepsEachScopeInItsOwnDirectoryOfSegments() throws IOException {
    try (FileChangeJournal journal = open()) {
      append(journal, 60);
      journal.append(BackupScope.platform(), T0, "notes", "p", Optional.empty());
    }
    assertThat(segments()).hasSizeGreaterThan(2);
    assertThat(segments().get(0).getFileName()).hasToString("00000000000000000000.seg");
    assertThat(root.resolve("platform")).isDirectory();
    try (FileChangeJournal journal = open()) {
      assertThat(sequences(journal)).hasSize(60).startsWith(0L).endsWith(59L);
      assertThat(journal.nextSequence(BackupScope.platform())).isEqualTo(1);
    }
  }

  @Test
  void cutsOnlyATornTailOnOpen() throws IOException {
    try (FileChangeJournal journal = open()) {
      append(journal, 3);
    }
    Path last = segments().get(segments().size() - 1);
    long size = Files.size(last);
    Files.write(last, new byte[] {0, 0, 1, 0, 7, 7}, StandardOpenOption.APPEND);

    try (FileChangeJournal journal = open()) {
      assertThat(Files.size(last)).isEqualTo(size);
      assertThat(sequences(journal)).containsExactly(0L, 1L, 2L);
      append(journal, 1);
      assertThat(sequences(journal)).containsExactly(0L, 1L, 2L, 3L);
    }
  }

  @Test
  void refusesToOpenWhenDamageIsFollowedByAcknowledgedRecords() throws IOException {
    try (FileChangeJournal journal = open()) {
      append(journal, 3);
    }
    Path segment = segments().get(0);
    byte[] bytes = Files.readAllBytes(segment);
    bytes[30] ^= 0x40;
    Files.write(segment, bytes);

    assertThatThrownBy(this::open)
        .isInstanceOf(DrException.class)
        .hasMessageContaining(segment.toString())
        .hasMessageContaining("offset 8");
    assertThat(Files.readAllBytes(segment)).as("nothing was cut").isEqualTo(bytes);
  }

  @Test
  void refusesASealedSegmentWithATornTail() throws IOException {
    try (FileChangeJournal journal = open()) {
      append(journal, 40);
    }
    Path sealed = segments().get(0);
    long size = Files.size(sealed);
    try (var channel = Files.newByteChannel(sealed, StandardOpenOption.WRITE)) {
      channel.truncate(size - 3);
    }
    assertThatThrownBy(this::open)
        .isInstanceOf(DrException.class)
        .hasMessageContaining(sealed.toString())
        .hasMessageContaining("sealed segment is damaged");
  }

  @Test
  void refusesAMissingSegment() throws IOException {
    try (FileChangeJournal journal = open()) {
      append(journal, 60);
    }
    Files.delete(segments().get(1));
    assertThatThrownBy(this::open)
        .isInstanceOf(DrException.class)
        .hasMessageContaining(segments().get(1).toString())
        .hasMessageContaining("previous one ends before");

    Files.delete(segments().get(0));
    assertThatThrownBy(this::open)
        .isInstanceOf(DrException.class)
        .hasMessageMatching("(?s).*records 0 to \\d+ are missing.*");
  }

  @Test
  void truncationDeletesWholeSegmentsBelowTheSequence() throws IOException {
    try (FileChangeJournal journal = open()) {
      append(journal, 60);
      List<Path> before = segments();
      long secondStart = Long.parseLong(before.get(1).getFileName().toString().substring(0, 20));
      journal.truncateBefore(ACME, secondStart + 1);

      assertThat(segments()).isEqualTo(before.subList(1, before.size()));
      assertThat(sequences(journal)).first().isEqualTo(secondStart + 1);
      journal.truncateBefore(ACME, 60);
      assertThat(segments()).isEmpty();
      append(journal, 1);
      assertThat(sequences(journal)).containsExactly(60L);
    }
    try (FileChangeJournal journal = open()) {
      assertThat(sequences(journal)).containsExactly(60L);
    }
  }

  @Test
  void finishesATruncationThatACrashInterrupted() throws IOException {
    try (FileChangeJournal journal = open()) {
      append(journal, 60);
    }
    List<Path> before = segments();
    long thirdStart = Long.parseLong(before.get(2).getFileName().toString().substring(0, 20));
    Files.write(
        root.resolve("tenant-acme").resolve(ScopeRecovery.START),
        ScopeRecovery.startLine(thirdStart, T0.plusSeconds(59)));

    try (FileChangeJournal journal = open()) {
      assertThat(segments()).isEqualTo(before.subList(2, before.size()));
      assertThat(sequences(journal)).first().isEqualTo(thirdStart);
      assertThat(journal.nextSequence(ACME)).isEqualTo(60);
    }
  }

  @Test
  void refusesASecondJournalOnTheSameDirectory() {
    try (FileChangeJournal journal = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(DrException.class)
          .hasMessageContaining("is locked");
      append(journal, 1);
    }
    try (FileChangeJournal journal = open()) {
      assertThat(sequences(journal)).containsExactly(0L);
    }
  }

  @Test
  void refusesBadSettingsNamingThem() {
    assertThatThrownBy(() -> FileChangeJournal.builder(root).segmentBytes(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segmentBytes must be >= 4096, got 100");
    assertThatThrownBy(() -> FileChangeJournal.builder(root).maxContentBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxContentBytes must be 1 to");
    assertThatThrownBy(() -> FileChangeJournal.builder(root).segmentBytes(8192).segmentBytes(8192))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("segmentBytes is set already");
    assertThatThrownBy(() -> FileChangeJournal.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("root");
  }

  @Test
  void refusesTooLargeContentAndBadSourceNamesAndChangesNothing() {
    try (FileChangeJournal journal = FileChangeJournal.builder(root).maxContentBytes(10).open()) {
      assertThatThrownBy(() -> journal.append(ACME, T0, "notes", "big", Optional.of(new byte[11])))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("content of big is 11 bytes; at most 10 allowed");
      assertThatThrownBy(() -> journal.append(ACME, T0, "Notes!", "a", Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("source 'Notes!' must be 1 to 64 characters");
      ChangeRecord fits = journal.append(ACME, T0, "notes", "ok", Optional.of(new byte[10]));
      assertThat(fits.sequence()).isZero();
    }
  }
}
