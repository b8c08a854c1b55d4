package dev.tdeveloper.dr.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The proof: random writes and deletions with non-decreasing times, base backups taken at
 * random points, and recovery to random instants and sequence numbers equals an independent replay
 * of the operations on a map, byte for byte, deletions and emptied directories included.
 */
class PointInTimeRecoveryPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final List<String> PATHS =
      List.of("a.txt", "b/c.txt", "b/d/e.txt", "f.bin", "g/h/i/j.txt");
  private static final List<String> SOURCES = List.of("notes", "other");

  /** One generated operation; {@code content} is ignored for a deletion. */
  record Op(
      boolean delete, int path, byte[] content, int gapSeconds, int source, boolean baseAfter) {}

  /** What the journal recorded for an operation, as the model replays it. */
  record Applied(long sequence, Instant time, String source, String path, byte[] content) {}

  @Provide
  Arbitrary<List<Op>> operations() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3).map(i -> i == 0),
            Arbitraries.integers().between(0, PATHS.size() - 1),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(16),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 4).map(i -> i == 4 ? 1 : 0),
            Arbitraries.integers().between(0, 5).map(i -> i == 0))
        .as(Op::new)
        .list()
        .ofMaxSize(40);
  }

  @Property(tries = 100)
  void recoveringToAnyTargetEqualsAnIndependentReplay(
      @ForAll("operations") List<Op> ops,
      @ForAll boolean initialBase,
      @ForAll boolean onFiles,
      @ForAll @Size(max = 5) List<@IntRange(min = -2, max = 125) Integer> instantOffsets,
      @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 45) Integer> sequenceTargets)
      throws IOException {
    Path temp = Files.createTempDirectory("pitr-property");
    ChangeJournal journal =
        onFiles
            ? FileChangeJournal.builder(temp.resolve("journal"))
                .segmentBytes(FileChangeJournal.MIN_SEGMENT_BYTES)
                .open()
            : new InMemoryChangeJournal();
    try {
      ManualClock clock = new ManualClock(T0);
      List<JournaledFiles> live = new ArrayList<>();
      for (String source : SOURCES) {
        live.add(
            JournaledFiles.builder()
                .root(temp.resolve("live").resolve(source))
                .journal(journal)
                .scope(ACME)
                .source(source)
                .clock(clock)
                .build());
      }
      Path notes = live.get(0).root();
      SnapshotBaseBackups bases = new SnapshotBaseBackups();
      if (initialBase) {
        bases.take(new BaseBackup(ACME, "notes", "base-start", T0, 0), notes);
      }
      List<Applied> applied = new ArrayList<>();
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        clock.advance(Duration.ofSeconds(op.gapSeconds()));
        JournaledFiles files = live.get(op.source());
        String path = PATHS.get(op.path());
        ChangeRecord record = op.delete() ? files.delete(path) : files.write(path, op.content());
        applied.add(
            new Applied(
                record.sequence(),
                record.time(),
                SOURCES.get(op.source()),
                path,
                op.delete() ? null : op.content().clone()));
        if (op.baseAfter()) {
          bases.take(
              new BaseBackup(
                  ACME, "notes", "base-" + i, clock.instant(), journal.nextSequence(ACME)),
              notes);
        }
      }
      assertThat(hex(SnapshotBaseBackups.files(notes)))
          .as("the live files are the model's")
          .isEqualTo(hex(replay(applied, a -> true)));

      PointInTimeRecovery recovery =
          PointInTimeRecovery.builder().journal(journal).baseBackups(bases).build();
      int run = 0;
      for (int offset : instantOffsets) {
        Instant instant = T0.plusSeconds(offset);
        boolean hasBase =
            bases.list(ACME, "notes").stream().anyMatch(b -> !b.finishedAt().isAfter(instant));
        check(
            recovery,
            bases,
            RecoveryTarget.instant(instant),
            hasBase,
            applied,
            a -> !a.time().isAfter(instant),
            temp.resolve("out-" + run++));
      }
      for (int sequence : sequenceTargets) {
        Path out = temp.resolve("out-" + run++);
        if (sequence >= journal.nextSequence(ACME)) {
          assertThatThrownBy(
                  () -> recovery.recover(ACME, "notes", RecoveryTarget.sequence(sequence), out))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("has not been journaled yet");
          continue;
        }
        boolean hasBase =
            bases.list(ACME, "notes").stream().anyMatch(b -> b.nextSequence() <= sequence + 1);
        check(
            recovery,
            bases,
            RecoveryTarget.sequence(sequence),
            hasBase,
            applied,
            a -> a.sequence() <= sequence,
            out);
      }
    } finally {
      journal.close();
      deleteTree(temp);
    }
  }

  private static void check(
      PointInTimeRecovery recovery,
      SnapshotBaseBackups bases,
      RecoveryTarget target,
      boolean hasBase,
      List<Applied> applied,
      Predicate<Applied> included,
      Path out) {
    Map<String, byte[]> expected = replay(applied, included);
    if (!hasBase) {
      assertThatThrownBy(() -> recovery.recover(ACME, "notes", target, out))
          .isInstanceOf(DrException.class)
          .hasMessageMatching("(?s).*(is before the oldest base backup|no base backup).*");
      assertThat(out).doesNotExist();
      return;
    }
    RecoveryResult result = recovery.recover(ACME, "notes", target, out);
    assertThat(hex(SnapshotBaseBackups.files(out)))
        .as("recovered to %s", target)
        .isEqualTo(hex(expected));
    TreeSet<String> parents = new TreeSet<>();
    for (String path : expected.keySet()) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        parents.add(path.substring(0, slash));
      }
    }
    assertThat(SnapshotBaseBackups.directories(out))
        .as("no directory is left that no file needs")
        .containsExactlyElementsOf(parents);
    assertThat(result.target()).isEqualTo(target);
    BaseBackup base =
        bases.list(ACME, "notes").stream()
            .filter(b -> b.id().equals(result.baseBackupId()))
            .findFirst()
            .orElseThrow();
    List<Applied> replayed =
        applied.stream()
            .filter(a -> a.source().equals("notes") && included.test(a))
            .filter(a -> a.sequence() >= base.nextSequence())
            .toList();
    assertThat(result.recordsReplayed()).isEqualTo(replayed.size());
    assertThat(result.lastAppliedSequence())
        .isEqualTo(
            replayed.isEmpty()
                ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(replayed.get(replayed.size() - 1).sequence()));
  }

  /** The independent replay: the notes operations the filter admits, folded onto an empty map. */
  private static Map<String, byte[]> replay(List<Applied> applied, Predicate<Applied> included) {
    Map<String, byte[]> files = new TreeMap<>();
    for (Applied a : applied) {
      if (a.source().equals("notes") && included.test(a)) {
        if (a.content() == null) {
          files.remove(a.path());
        } else {
          files.put(a.path(), a.content());
        }
      }
    }
    return files;
  }

  private static Map<String, String> hex(Map<String, byte[]> files) {
    Map<String, String> hex = new TreeMap<>();
    files.forEach((path, content) -> hex.put(path, "hex:" + HexFormat.of().formatHex(content)));
    return hex;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
