package dev.tdeveloper.dr.drill;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;

/**
 * Records drill results into a {@link DrillHistory} (keeping 50 per source, so it also compacts)
 * and prints {@code ACK <n>} after each returns, until it is killed. Args: history file.
 */
public final class DrillHistoryCrashChild {
  private DrillHistoryCrashChild() {}

  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    try (DrillHistory history = DrillHistory.open(Path.of(args[0]), 50)) {
      for (int n = 0; ; n++) {
        history.record(DrillHistoryTest.passed(DrillHistoryTest.ACME, "notes", n));
        System.out.println("ACK " + n);
      }
    }
  }
}
