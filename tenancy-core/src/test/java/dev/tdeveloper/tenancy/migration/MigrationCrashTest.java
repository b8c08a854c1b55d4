package dev.tdeveloper.tenancy.migration;

import static dev.tdeveloper.tenancy.migration.CrashingMigratorMain.CELL_1;
import static dev.tdeveloper.tenancy.migration.CrashingMigratorMain.CELL_2;
import static dev.tdeveloper.tenancy.migration.CrashingMigratorMain.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.routing.TenantRouter;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real crash: a child JVM migrating a tenant over a {@link FileMigrationJournal} is killed with
 * {@code kill -9} mid-copy, then this JVM resumes the migration from the journal file and durable
 * stores the child left behind.
 */
class MigrationCrashTest {
  private static final int RECORDS = 95;
  private static final int STOP_AT = 4;

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"after-batch, JOURNALED", "mid-batch, IMPORTED"})
  void aMigrationKilledMidCopyIsResumedFromTheFileJournal(String point, String announcement)
      throws Exception {
    Path data = dir.resolve("data");
    Path journalFile = dir.resolve("migrations.journal");
    List<DataRecord> original = MigrationFixture.records("key-", RECORDS);
    CrashingMigratorMain.source(data).importBatch(TENANT, original);
    Checksum checksum = Checksum.of(original);

    try (ChildJvm child =
        ChildJvm.start(
            CrashingMigratorMain.class,
            dir.resolve("child.err"),
            data.toString(),
            journalFile.toString(),
            String.valueOf(STOP_AT),
            point)) {
      child.awaitLine(announcement + " " + STOP_AT, 30);
      child.kill();
    }

    FileDataStore source = CrashingMigratorMain.source(data);
    FileDataStore target = CrashingMigratorMain.target(data);
    int inTarget = STOP_AT * CrashingMigratorMain.BATCH;
    assertThat(target.checksum(TENANT).count()).isEqualTo(inTarget);
    TenantRouter router = CrashingMigratorMain.router(CELL_1);
    MigrationState resumed;
    try (FileMigrationJournal journal = FileMigrationJournal.open(journalFile)) {
      MigrationState left = journal.unfinished(TENANT).orElseThrow();
      assertThat(left.phase()).isEqualTo(MigrationPhase.COPYING);
      int journaled = point.equals("mid-batch") ? inTarget - CrashingMigratorMain.BATCH : inTarget;
      assertThat(left.copiedRecords()).isEqualTo(journaled);
      assertThat(left.lastCopiedKey()).contains(original.get(journaled - 1).key());
      TenantMigrator migrator =
          TenantMigrator.builder()
              .router(router)
              .store(CELL_1, source)
              .store(CELL_2, target)
              .journal(journal)
              .batchSize(CrashingMigratorMain.BATCH)
              .build();

      resumed = migrator.resume(left.plan().id());
    }

    assertThat(resumed.phase()).isEqualTo(MigrationPhase.COMPLETED);
    assertThat(resumed.plan().sourceChecksum()).isEqualTo(checksum);
    assertThat(resumed.copiedRecords())
        .as("journaled batches are not copied again")
        .isEqualTo(RECORDS);
    assertThat(target.export(TENANT, Optional.empty(), 1000)).containsExactlyElementsOf(original);
    assertThat(target.checksum(TENANT)).isEqualTo(checksum);
    assertThat(source.checksum(TENANT)).isEqualTo(Checksum.EMPTY);
    assertThat(router.route(TENANT)).isEqualTo(CELL_2);
    try (FileMigrationJournal reopened = FileMigrationJournal.open(journalFile)) {
      assertThat(reopened.list()).containsExactly(resumed);
      assertThat(reopened.unfinished(TENANT)).isEmpty();
    }
  }
}
