package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Child JVM of {@link LocalBackupStoreCrashTest}: opens the store in {@code args[0]}, prints {@code
 * OPEN}, then puts chunks and every few chunks publishes a manifest listing them (backup ids
 * prefixed with {@code args[1]}), printing {@code CHUNK <scope> <id> ok} and {@code MANIFEST
 * <scope> <id> ok} once each call returned (a line cut by the kill lacks {@code ok}), until killed.
 * It prints {@code BEGIN} before each call, so the parent can aim its kill at a write.
 */
public final class LocalBackupStoreCrashChild {
  private LocalBackupStoreCrashChild() {}

  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    Random random = new Random(Long.parseLong(args[2]));
    try (LocalBackupStore store = LocalBackupStore.open(Path.of(args[0]))) {
      System.out.println("OPEN");
      List<String> pending = new ArrayList<>();
      for (int n = 0; ; n++) {
        BackupScope scope = CrashWorkload.SCOPES.get(n / 4 % 2);
        byte[] chunk = CrashWorkload.chunk(random);
        String id = CrashWorkload.idOf(chunk);
        System.out.println("BEGIN");
        store.putChunk(scope, id, chunk);
        System.out.println("CHUNK " + scope.key() + " " + id + " ok");
        pending.add(id);
        if (pending.size() == 4) {
          String backupId = args[1] + "-" + n;
          System.out.println("BEGIN");
          store.publishManifest(scope, backupId, CrashWorkload.manifest(pending));
          System.out.println("MANIFEST " + scope.key() + " " + backupId + " ok");
          pending.clear();
        }
      }
    }
  }
}
