package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Child JVM of {@link LocalBackupStoreStepCrashTest}: in the store at {@code args[0]}, puts chunk A
 * and publishes manifest {@code before}, then arms a {@link CrashPoint} at step {@code args[1]} and
 * puts chunk B and publishes manifest {@code after} (listing A and B), holding at that step until
 * killed.
 */
public final class StepCrashChild {
  static final BackupScope SCOPE = CrashWorkload.SCOPES.get(0);

  private StepCrashChild() {}

  static byte[] chunk(int which) {
    return CrashWorkload.chunk(new Random(which));
  }

  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    AtomicBoolean armed = new AtomicBoolean();
    Consumer<String> hold = CrashPoint.holdAt(args[1]);
    try (LocalBackupStore store =
        LocalBackupStore.open(
            Path.of(args[0]),
            step -> {
              if (armed.get()) {
                hold.accept(step);
              }
            })) {
      byte[] a = chunk(1);
      byte[] b = chunk(2);
      store.putChunk(SCOPE, CrashWorkload.idOf(a), a);
      store.publishManifest(
          SCOPE, "before", CrashWorkload.manifest(List.of(CrashWorkload.idOf(a))));
      armed.set(true);
      store.putChunk(SCOPE, CrashWorkload.idOf(b), b);
      store.publishManifest(
          SCOPE,
          "after",
          CrashWorkload.manifest(List.of(CrashWorkload.idOf(a), CrashWorkload.idOf(b))));
      System.out.println("DONE");
    }
  }
}
