package dev.tdeveloper.tenancy.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMigrationJournalCompactionTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);

  private FileMigrationJournal open() {
    return FileMigrationJournal.builder(dir.resolve("m.journal"))
        .finishedRetention(Duration.ofDays(1))
        .clock(clock)
        .open();
  }

  static MigrationState planned(String tenant, Instant at) {
    MigrationPlan plan =
        new MigrationPlan(
            UUID.randomUUID(),
            TenantId.of(tenant),
            ShardId.of("cell-1"),
            ShardId.of("cell-2"),
            "store-1",
            "store-2",
            100,
            Checksum.EMPTY,
            false,
            at);
    return MigrationState.planned(plan, at);
  }

  /** Begins a migration and records {@code batches} copied batches, all at {@code at}. */
  static MigrationState copy(MigrationJournal journal, String tenant, Instant at, int batches) {
    MigrationState state = planned(tenant, at);
    journal.tryBegin(state);
    state = state.enter(MigrationPhase.COPYING, at);
    journal.update(state);
    for (int b = 0; b < batches; b++) {
      state = state.copied(String.format("k%05d", b), 1, at);
      journal.update(state);
    }
    return state;
  }

  /** Every answer the journal gives about {@code tenants} and {@code ids}. */
  private static List<Object> answers(
      MigrationJournal journal, List<String> tenants, List<UUID> ids) {
    List<Object> answers = new ArrayList<>(journal.list());
    tenants.forEach(t -> answers.add(journal.unfinished(TenantId.of(t))));
    ids.forEach(id -> answers.add(journal.find(id)));
    return answers;
  }

  @Test
  void compactionDropsSupersededStatesAndAnswersEverythingAsBefore() {
    List<String> tenants = List.of("acme", "globex", "initech");
    List<UUID> ids = new ArrayList<>();
    List<Object> before;
    long shrunk;
    try (FileMigrationJournal journal = open()) {
      ids.add(copy(journal, "acme", T0, 40).plan().id());
      MigrationState globex = copy(journal, "globex", T0.plusSeconds(1), 10);
      journal.update(globex.enter(MigrationPhase.COMPLETED, T0.plusSeconds(2)));
      ids.add(globex.plan().id());
      ids.add(UUID.randomUUID());
      before = answers(journal, tenants, ids);
      long size = journal.sizeBytes();

      shrunk = journal.compact();

      assertThat(journal.sizeBytes()).isEqualTo(size - shrunk).isLessThan(size / 10);
      assertThat(answers(journal, tenants, ids)).isEqualTo(before);
      assertThat(journal.tryBegin(planned("acme", T0))).as("acme still migrating").isFalse();
    }
    try (FileMigrationJournal reopened = open()) {
      assertThat(answers(reopened, tenants, ids)).isEqualTo(before);
    }
  }

  @Test
  void dropsOnlyFinishedMigrationsOlderThanTheRetention() {
    try (FileMigrationJournal journal = open()) {
      MigrationState oldDone =
          copy(journal, "acme", T0, 2).enter(MigrationPhase.COMPLETED, T0.plusSeconds(1));
      journal.update(oldDone);
      MigrationState oldUnfinished = copy(journal, "globex", T0, 2);
      clock.advance(Duration.ofHours(30));
      MigrationState initech = planned("initech", clock.instant());
      journal.tryBegin(initech);
      MigrationState recentAborted =
          initech.finished(MigrationPhase.ABORTED, "operator", clock.instant());
      journal.update(recentAborted);

      journal.compact();

      assertThat(journal.find(oldDone.plan().id())).isEmpty();
      assertThat(journal.list()).containsExactly(oldUnfinished, recentAborted);
      assertThat(journal.unfinished(TenantId.of("globex"))).contains(oldUnfinished);
    }
    try (FileMigrationJournal reopened = open()) {
      assertThat(reopened.list())
          .extracting(s -> s.plan().tenant().value())
          .containsExactly("globex", "initech");
    }
  }

  @Test
  void compactsByItselfOnceTheFileReachesTheThreshold() throws Exception {
    Path file = dir.resolve("auto.journal");
    MigrationState last;
    try (FileMigrationJournal journal =
        FileMigrationJournal.builder(file).compactionThresholdBytes(4096).open()) {
      last = copy(journal, "acme", T0, 300);
      assertThat(journal.sizeBytes()).isLessThan(2 * 4096 + 1024);
    }
    assertThat(Files.size(file)).isLessThan(2 * 4096 + 1024);
    try (FileMigrationJournal reopened = FileMigrationJournal.open(file)) {
      assertThat(reopened.list()).containsExactly(last);
      assertThat(reopened.find(last.plan().id()).flatMap(MigrationState::lastCopiedKey))
          .isEqualTo(Optional.of("k00299"));
    }
  }
}
