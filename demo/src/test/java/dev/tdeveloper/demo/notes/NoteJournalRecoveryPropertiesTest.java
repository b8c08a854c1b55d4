package dev.tdeveloper.demo.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast path (unforced notes journal, checkpoints, recovery from the durable change log) answers
 * exactly as the plain path (every record forced): the same changes, a crash image cut anywhere a
 * power loss may cut it, reopened, hold the same notes and the same next id.
 */
class NoteJournalRecoveryPropertiesTest {
  private static final TenantId ACME = TenantId.of("acme");

  @Provide
  Arbitrary<List<Integer>> ops() {
    return Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(300);
  }

  @Property(tries = 60)
  void theCheckpointedPathAnswersAsTheForcedPath(
      @ForAll("ops") List<Integer> ops, @ForAll @IntRange(min = 0, max = 1000) int cutPermille)
      throws IOException {
    Path dir = Files.createTempDirectory("notes-property");
    try {
      MemoryChangeLog log = new MemoryChangeLog();
      Map<Long, String> expected;
      long next;
      try (NoteJournal plain =
              NoteJournal.open(dir.resolve("plain.notes"), ACME, NoteChangeLog.none());
          NoteJournal fast = NoteJournal.open(dir.resolve("fast.notes"), ACME, log)) {
        for (int op : ops) {
          apply(plain, op);
          apply(fast, op);
        }
        expected = NoteJournalRecoveryTest.contents(plain);
        next = plain.nextId();
        assertThat(NoteJournalRecoveryTest.contents(fast)).isEqualTo(expected);
        Files.copy(dir.resolve("fast.notes"), dir.resolve("image.notes"));
      }
      Path image = dir.resolve("image.notes");
      long forced = NoteFiles.forcedLength(image);
      NoteFiles.cut(image, forced + (Files.size(image) - forced) * cutPermille / 1000);
      try (NoteJournal recovered = NoteJournal.open(image, ACME, log)) {
        assertThat(NoteJournalRecoveryTest.contents(recovered)).isEqualTo(expected);
        assertThat(recovered.nextId()).isEqualTo(next);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Below 60 creates a note, below 80 changes the op-th live note, else deletes it. */
  private static void apply(NoteJournal journal, int op) {
    List<Long> live = new ArrayList<>(journal.notes().keySet());
    String text = op + " " + "x".repeat(op * 60);
    if (op < 60 || live.isEmpty()) {
      journal.put(NoteJournalRecoveryTest.note(journal.nextId(), text));
    } else if (op < 80) {
      journal.put(NoteJournalRecoveryTest.note(live.get(op % live.size()), text));
    } else {
      journal.delete(live.get(op % live.size()));
    }
  }
}
