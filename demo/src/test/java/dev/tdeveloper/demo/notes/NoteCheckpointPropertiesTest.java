package dev.tdeveloper.demo.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A checkpoint never names a change-log position whose changes the forced journal lacks, however
 * writes interleave with it: writes (some of which the journal refuses after the log took them),
 * checkpoints run from the background queue or asked for, and writers racing a checkpoint's first
 * force (between reading the position and forcing) or its second (after the mark was appended), in
 * any order. After every step a crash image (the journal cut to what was forced, reopened over the
 * same log) holds exactly the acknowledged notes: if a checkpoint covered a change that was not
 * forced, the replay from it would miss that change. Notes are large (up to 25 KB), so the
 * background checkpoint ({@value NoteJournal#CHECKPOINT_BYTES} bytes) is due several times a run.
 */
class NoteCheckpointPropertiesTest {
  private static final TenantId ACME = TenantId.of("acme");

  @Provide
  Arbitrary<List<Integer>> ops() {
    return Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(150);
  }

  @Property(tries = 50)
  void everyCrashImageHoldsExactlyTheAcknowledgedNotes(@ForAll("ops") List<Integer> ops)
      throws IOException {
    Path dir = Files.createTempDirectory("notes-checkpoints");
    FaultyFiles files = new FaultyFiles();
    MemoryChangeLog log = new MemoryChangeLog();
    Deque<Runnable> queued = new ArrayDeque<>();
    Path file = dir.resolve("acme.notes");
    Map<Long, String> acked = new TreeMap<>();
    try (NoteJournal journal = NoteJournal.open(file, ACME, log, files, queued::add)) {
      for (int op : ops) {
        if (op < 80) {
          write(journal, acked, op);
        } else if (op < 85) { // the journal refuses this one: acknowledged, the journal behind
          files.fail(file, FaultyFiles.Op.APPEND);
          write(journal, acked, op - 80);
          files.heal(file);
        } else if (op < 95) {
          int creates = op % 5;
          files.duringForce(
              file,
              op < 90 ? 0 : 1,
              () -> {
                for (int i = 0; i < creates; i++) {
                  write(journal, acked, i * 7);
                }
              });
          journal.checkpoint();
        } else if (op < 98) {
          while (!queued.isEmpty()) {
            queued.poll().run();
          }
        } else {
          assertThat(crashImage(dir, files, log)).isEqualTo(acked);
        }
        assertThat(NoteJournalRecoveryTest.contents(journal)).isEqualTo(acked);
      }
      assertThat(crashImage(dir, files, log)).isEqualTo(acked);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** What a power loss now leaves of the journal, reopened over the log. */
  private static Map<Long, String> crashImage(Path dir, FaultyFiles files, MemoryChangeLog log)
      throws IOException {
    Path image = dir.resolve("image.notes");
    Files.copy(dir.resolve("acme.notes"), image, StandardCopyOption.REPLACE_EXISTING);
    NoteFiles.cut(image, files.durableLength(dir.resolve("acme.notes")));
    try (NoteJournal recovered = NoteJournal.open(image, ACME, log)) {
      return NoteJournalRecoveryTest.contents(recovered);
    } finally {
      Files.deleteIfExists(dir.resolve("image.notes.lock"));
    }
  }

  /** Below 60 creates a note, below 75 changes the op-th live note, else deletes it. */
  private static void write(NoteJournal journal, Map<Long, String> acked, int op) {
    List<Long> live = new ArrayList<>(journal.notes().keySet());
    String text = op + " " + "x".repeat(op * 300);
    if (op < 60 || live.isEmpty()) {
      long id = journal.nextId();
      journal.put(NoteJournalRecoveryTest.note(id, text));
      acked.put(id, text);
    } else if (op < 75) {
      long id = live.get(op % live.size());
      journal.put(NoteJournalRecoveryTest.note(id, text));
      acked.put(id, text);
    } else {
      long id = live.get(op % live.size());
      journal.delete(id);
      acked.remove(id);
    }
  }
}
