package dev.tdeveloper.observability.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a JVM saving escalation state and checks every entry survives whole and up to date. */
class EscalationStateCrashTest {
  @TempDir Path temp;

  @Test
  void everyEntrySurvivesAKillMidWriteWholeAndNoOlderThanItsLastConfirmedSave() throws Exception {
    Path directory = temp.resolve("escalation");
    Map<String, Integer> confirmed = new HashMap<>();
    try (ChildJvm child =
        ChildJvm.start(SavingMain.class, temp.resolve("child.err"), directory.toString())) {
      child.awaitLine("READY", 30);
      int lines = 0;
      while (lines < 400) {
        String line = child.nextLine(30);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        record(line, confirmed);
        lines++;
      }
      for (String line : child.kill()) {
        record(line, confirmed);
      }
    }
    assertThat(confirmed).hasSize(8);
    try (FileEscalationStateStore store = FileEscalationStateStore.open(directory)) {
      List<EscalationState> states = store.loadAll();
      assertThat(states).hasSize(8);
      for (EscalationState state : states) {
        int level = state.level();
        assertThat(level).isGreaterThanOrEqualTo(confirmed.get(state.incidentId()));
        assertThat(state).isEqualTo(SavingMain.state(state.incidentId(), level));
      }
    }
  }

  private static void record(String line, Map<String, Integer> confirmed) {
    String[] parts = line.split(" ");
    if (parts.length == 3 && parts[0].equals("SAVED")) {
      try {
        confirmed.merge(parts[1], Integer.parseInt(parts[2]), Math::max);
      } catch (NumberFormatException cutShortByTheKill) {
        // the last line may be torn
      }
    }
  }
}
