package dev.tdeveloper.distribution.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a JVM issuing stamps and checks a restarted clock never goes back, whatever its clock. */
class HlcCrashTest {
  @TempDir Path temp;

  @Test
  void aRestartedClockStampsAboveEveryStampOfAKilledProcessEvenWithItsClockSetBack()
      throws Exception {
    Path state = temp.resolve("hlc.state");
    List<String> lines = new ArrayList<>();
    try (ChildJvm child =
        ChildJvm.start(StampingMain.class, temp.resolve("child.err"), state.toString())) {
      child.awaitLine("READY", 30);
      while (lines.size() < 20_000) {
        String line = child.nextLine(30);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        lines.add(line);
      }
      lines.addAll(child.kill());
    }
    long highest = 0;
    for (String line : lines) {
      String[] parts = line.split(" ");
      if (parts.length == 2 && parts[0].equals("STAMP")) {
        try {
          highest = Math.max(highest, Long.parseLong(parts[1]));
        } catch (NumberFormatException cutShortByTheKill) {
          // the last line may be torn
        }
      }
    }
    HlcTimestamp last = HlcTimestamp.decode(highest);
    assertThat(last.physicalMillis()).isGreaterThan(0);

    long anHourEarlier = last.physicalMillis() - 3_600_000;
    Hlc restarted =
        Hlc.builder()
            .physicalMillis(() -> anHourEarlier)
            .stateStore(FileHlcStateStore.open(state))
            .build();
    HlcTimestamp first = restarted.now();
    assertThat(first).isGreaterThan(last);
    HlcTimestamp second = restarted.now();
    assertThat(second).isGreaterThan(first);
    assertThat(restarted.update(new HlcTimestamp(anHourEarlier, 5))).isGreaterThan(second);
  }
}
