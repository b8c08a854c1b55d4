package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link FileUsageStoreCompactionCrashTest}: appends {@link #EVENTS} events a
 * minute apart to the store in {@code args[0]}, then compacts it to {@link #HORIZON} and stops for
 * good at compaction step {@code args[1]}, announcing {@code AT <step>} until the parent kills it.
 */
public final class CompactingUsageStoreMain {
  static final int EVENTS = 100;
  static final Instant HORIZON = FileUsageStoreCompactionTest.event(50, "x").timestamp();

  private CompactingUsageStoreMain() {}

  static FileUsageStoreBuilder builder(Path dir) {
    return FileUsageStore.builder(dir).segmentSizeBytes(1024);
  }

  static void appendAll(FileUsageStore store) {
    for (int i = 0; i < EVENTS; i++) {
      store.append(FileUsageStoreCompactionTest.event(i, "k" + i));
    }
  }

  /** Arguments: store directory, compaction step to stop at. */
  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    String stopAt = args[1];
    try (FileUsageStore store =
        builder(Path.of(args[0])).compactionHook(CrashPoint.holdAt(stopAt)).open()) {
      appendAll(store);
      store.compact(HORIZON);
    }
  }
}
