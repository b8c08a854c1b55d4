package dev.tdeveloper.dr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof: a child JVM backing up a directory is killed ({@code destroyForcibly})
 * mid-backup, after it stored some chunks; no manifest of the killed backup is visible, the earlier
 * backup still restores, and the next run completes and restores byte-exact.
 */
class BackupCrashTest {
  static final BackupScope SCOPE = BackupScope.of(TenantId.of("acme"));

  @TempDir Path temp;

  @Test
  void aBackupKilledMidwayPublishesNothingAndTheNextRunCompletes() throws Exception {
    Path storeDir = temp.resolve("store");
    Path source = temp.resolve("src");
    Trees.generate(source, 21, 40, BackupEngineTest.SMALL.max());
    String baseline;
    try (ChildJvm child =
        ChildJvm.start(
            BackupCrashChild.class,
            temp.resolve("c0.err"),
            storeDir.toString(),
            source.toString(),
            "1000000")) {
      String line = child.nextLine(120);
      assertThat(line).as(child.errorOutput()).startsWith("DONE ");
      baseline = line.substring(5);
    }
    Trees.generate(source.resolve("more"), 22, 40, BackupEngineTest.SMALL.max());
    for (int round = 1; round <= 3; round++) {
      try (ChildJvm child =
          ChildJvm.start(
              BackupCrashChild.class,
              temp.resolve("c" + round + ".err"),
              storeDir.toString(),
              source.toString(),
              String.valueOf(3 * round))) {
        assertThat(child.nextLine(120)).as(child.errorOutput()).isEqualTo("MID");
        assertThat(child.kill()).doesNotContain("DONE");
      }
      FileBackupStore store = new FileBackupStore(storeDir);
      assertThat(store.manifests(SCOPE)).containsExactly(baseline);
    }
    FileBackupStore store = new FileBackupStore(storeDir);
    BackupEngine engine = BackupCrashChild.engine(store);
    engine.restore(SCOPE, baseline, temp.resolve("baseline"));
    assertThat(Files.exists(temp.resolve("baseline/d0"))).isTrue();
    BackupResult next =
        engine.backup(
            DirectorySource.of("files", SCOPE, source),
            BackupType.INCREMENTAL,
            OptionalLong.empty());
    assertThat(next.chunksReused()).isPositive(); // chunks the killed runs stored are reused
    assertThat(store.manifests(SCOPE)).containsExactly(baseline, next.backupId());
    VerifyReport report = engine.verify(SCOPE, Optional.empty());
    assertThat(report.ok()).as(report.describe()).isTrue();
    engine.restore(SCOPE, next.backupId(), temp.resolve("restored"));
    Trees.assertSameFiles(source, temp.resolve("restored"));
  }
}
