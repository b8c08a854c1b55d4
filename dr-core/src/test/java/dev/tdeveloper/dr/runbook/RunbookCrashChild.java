package dev.tdeveloper.dr.runbook;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import java.nio.file.Path;

/**
 * Executes the three-step runbook of {@link RunbookCrashTest#runbook} and holds for good at one
 * point of a step's action ({@link CrashPoint}), so the parent kills it there. Args: journal
 * directory, effects file, run id, crash point (such as {@code after promote}).
 */
public final class RunbookCrashChild {
  private RunbookCrashChild() {}

  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    RunbookCrashTest.runbook(Path.of(args[0]), Path.of(args[1]), CrashPoint.holdAt(args[3]))
        .execute(args[2]);
    System.out.println("FINISHED");
  }
}
