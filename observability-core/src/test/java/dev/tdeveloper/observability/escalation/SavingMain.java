package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The child process of {@link EscalationStateCrashTest}: saves escalation states of 8 incidents
 * over and over in a {@link FileEscalationStateStore} at {@code args[0]}, each save with a higher
 * level, printing {@code SAVED <incident> <level>} after each save returns. Runs until killed.
 */
public final class SavingMain {
  private SavingMain() {}

  /** Arguments: the state directory. */
  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    FileEscalationStateStore store = FileEscalationStateStore.open(Path.of(args[0]));
    System.out.println("READY");
    System.out.flush();
    for (int level = 0; ; level++) {
      for (int i = 0; i < 8; i++) {
        store.save(state("01JCRASH" + i, level));
        System.out.println("SAVED 01JCRASH" + i + " " + level);
        System.out.flush();
      }
    }
  }

  static EscalationState state(String incidentId, int level) {
    Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
    return new EscalationState(
        incidentId,
        Optional.of("tenant-" + incidentId.charAt(incidentId.length() - 1)),
        "default",
        "Crash test incident " + incidentId,
        Severity.CRITICAL,
        t0,
        level / 3,
        level,
        Optional.of(t0.plusSeconds(60L * level)),
        Set.of("alice", "user-" + level),
        Optional.empty());
  }
}
