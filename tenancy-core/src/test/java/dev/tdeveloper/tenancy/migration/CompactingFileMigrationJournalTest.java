package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.internal.Compaction;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.MigrationJournalContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The whole contract again, on a file journal that compacts itself as often as it may. */
class CompactingFileMigrationJournalTest extends MigrationJournalContract {
  @TempDir Path dir;

  @Override
  protected MigrationJournal newJournal() {
    return FileMigrationJournal.builder(dir.resolve("compacting.journal"))
        .compactionThresholdBytes(Compaction.MIN_THRESHOLD_BYTES)
        .clock(new ManualClock(T0))
        .open();
  }
}
