package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a child JVM ({@code kill -9}) placing and releasing legal holds, then reopens its file. */
class LegalHoldsCrashTest {
  @TempDir Path temp;

  @Test
  void noAcknowledgedPlacementOrReleaseIsLost() throws Exception {
    List<String> lines = new ArrayList<>();
    try (ChildJvm child =
        ChildJvm.start(
            HoldCrashChild.class, temp.resolve("child.err"), temp.resolve("holds").toString())) {
      for (int released = 0; released < 100; ) {
        String line = child.nextLine(60);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        lines.add(line);
        released += line.startsWith("RELEASED ") ? 1 : 0;
      }
      lines.addAll(child.kill());
    }
    Map<String, String> placed = new HashMap<>();
    Set<String> released = new HashSet<>();
    for (String line : lines) {
      String[] parts = line.split(" ");
      if (parts[0].equals("PLACED") && parts.length == 3 && parts[2].length() == 36) {
        placed.put(parts[2], parts[1]);
      } else if (parts[0].equals("RELEASED") && parts.length == 2 && parts[1].length() == 36) {
        released.add(parts[1]);
      }
    }
    try (FileLegalHolds holds =
        FileLegalHolds.open(temp.resolve("holds"), InstantSource.system())) {
      for (Map.Entry<String, String> e : placed.entrySet()) {
        LegalHold hold = holds.find(e.getKey()).orElseThrow(() -> new AssertionError(e));
        assertThat(hold.tenant()).isEqualTo(TenantId.of(e.getValue()));
        if (released.contains(e.getKey())) {
          assertThat(hold.releaseReason()).contains("release of " + e.getKey());
        }
      }
      List<LegalHold> all = new ArrayList<>(holds.forTenant(TenantId.of("t0")));
      all.addAll(holds.forTenant(TenantId.of("t1")));
      // At most the one change in flight when the child died is there unacknowledged.
      assertThat(all).hasSizeBetween(placed.size(), placed.size() + 1);
      assertThat(all.stream().filter(h -> h.releasedAt().isPresent()).count())
          .isBetween((long) released.size(), released.size() + 1L);
      assertThat(holds.forTenant(TenantId.of("t1")))
          .allMatch(h -> h.releasedAt().isEmpty() && h.tenant().equals(TenantId.of("t1")));
    }
  }
}
