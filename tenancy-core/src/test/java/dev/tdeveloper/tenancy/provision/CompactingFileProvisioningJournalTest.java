package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.internal.Compaction;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.ProvisioningJournalContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The whole contract again, on a file journal that compacts itself as often as it may. */
class CompactingFileProvisioningJournalTest extends ProvisioningJournalContract {
  @TempDir Path dir;

  @Override
  protected ProvisioningJournal newJournal() {
    return FileProvisioningJournal.builder(dir.resolve("compacting.journal"))
        .compactionThresholdBytes(Compaction.MIN_THRESHOLD_BYTES)
        .clock(new ManualClock(T0))
        .open();
  }
}
