package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backs a directory up into a {@link FileBackupStore}; after {@code pauseAfter} chunks it prints
 * {@code MID} and stalls, waiting to be killed. Args: store directory, source directory,
 * pauseAfter. Prints {@code DONE <backupId>} if it completes.
 */
public final class BackupCrashChild {
  private BackupCrashChild() {}

  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    int pauseAfter = Integer.parseInt(args[2]);
    AtomicInteger written = new AtomicInteger();
    FileBackupStore store =
        new FileBackupStore(Path.of(args[0])) {
          @Override
          public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
            super.putChunk(scope, chunkId, sealed);
            if (written.incrementAndGet() == pauseAfter) {
              System.out.println("MID");
              System.out.flush();
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    BackupEngine engine = engine(store);
    BackupResult result =
        engine.backup(
            DirectorySource.of("files", BackupCrashTest.SCOPE, Path.of(args[1])),
            BackupType.INCREMENTAL,
            OptionalLong.empty());
    System.out.println("DONE " + result.backupId());
    System.out.flush();
  }

  /** The engine the child backs up with and the test restores with. */
  static BackupEngine engine(BackupStore store) {
    return BackupEngine.builder()
        .store(store)
        .cipher(new TestCipher())
        .chunker(BackupEngineTest.SMALL)
        .build();
  }
}
