package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Run in a child JVM by {@link MigrationJournalCompactionCrashTest}: records {@link #scenario} into
 * the journal file {@code args[0]}, then compacts it and stops for good at compaction step {@code
 * args[1]}, announcing {@code AT <step>} on stdout until the parent kills it.
 */
public final class CompactingMigrationJournalMain {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant NOW = T0.plus(Duration.ofDays(10));

  private CompactingMigrationJournalMain() {}

  /** Opens {@code file} as the child does, with a fixed clock and a 5-day finished retention. */
  static FileMigrationJournalBuilder builder(Path file) {
    return FileMigrationJournal.builder(file)
        .clock(new ManualClock(NOW))
        .finishedRetention(Duration.ofDays(5));
  }

  /** An unfinished copy, an old completed and a recently failed migration, with fixed ids. */
  static void scenario(MigrationJournal journal) {
    copy(journal, 1, "acme", 30, null);
    copy(journal, 2, "globex", 5, MigrationPhase.COMPLETED);
    copy(journal, 3, "initech", 8, MigrationPhase.FAILED);
  }

  static UUID id(int n) {
    return new UUID(0, n);
  }

  private static void copy(
      MigrationJournal journal, int n, String tenant, int batches, MigrationPhase end) {
    Instant at = end == MigrationPhase.COMPLETED ? T0 : NOW.minus(Duration.ofDays(1));
    MigrationPlan plan =
        new MigrationPlan(
            id(n),
            TenantId.of(tenant),
            ShardId.of("cell-1"),
            ShardId.of("cell-2"),
            "store-1",
            "store-2",
            batches,
            Checksum.EMPTY,
            false,
            at);
    MigrationState state = MigrationState.planned(plan, at);
    journal.tryBegin(state);
    state = state.enter(MigrationPhase.COPYING, at);
    for (int b = 0; b < batches; b++) {
      state = state.copied(String.format("k%05d", b), 1, at);
      journal.update(state);
    }
    if (end != null) {
      journal.update(state.finished(end, "scenario", at));
    }
  }

  /** Arguments: journal file, compaction step to stop at. */
  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    String stopAt = args[1];
    try (FileMigrationJournal journal =
        builder(Path.of(args[0])).compactionHook(CrashPoint.holdAt(stopAt)).open()) {
      scenario(journal);
      journal.compact();
    }
  }
}
