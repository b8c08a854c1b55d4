package dev.tdeveloper.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a child JVM writing secrets ({@code kill -9}) and checks that nothing acked is lost. */
class LocalSecretStoreCrashTest {
  private static final int ACKS_BEFORE_KILL = 150;

  @TempDir Path temp;

  @Test
  void keepsEveryAcknowledgedVersionAndLabelWhenKilledMidWrite() throws Exception {
    Path dir = temp.resolve("store");
    List<String> lines = new ArrayList<>();
    try (ChildJvm child =
        ChildJvm.start(CrashingSecretWriter.class, temp.resolve("child.err"), dir.toString())) {
      child.awaitLine("READY", 30);
      for (int acks = 0; acks < ACKS_BEFORE_KILL; ) {
        String line = child.nextLine(30);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        lines.add(line);
        acks += line.startsWith("ACK ") ? 1 : 0;
      }
      lines.addAll(child.kill());
    }
    Map<Integer, Long> acked = new HashMap<>();
    for (String line : lines) {
      String[] parts = line.split(" ");
      if (parts.length == 3 && parts[0].equals("ACK")) {
        acked.merge(Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Math::max);
      }
    }
    assertThat(acked).hasSize(CrashingSecretWriter.SECRETS);

    try (LocalSecretStore store =
        LocalSecretStore.builder(dir).masterKey(CrashingSecretWriter.KEY).open()) {
      for (Map.Entry<Integer, Long> ack : acked.entrySet()) {
        SecretName name = CrashingSecretWriter.secret(ack.getKey());
        long current =
            Long.parseLong(
                store.versionAt(name, SecretLabel.CURRENT).orElseThrow().versionId().substring(1));
        assertThat(current).as("%s", name).isBetween(ack.getValue(), ack.getValue() + 1);
        for (long v = 1; v <= ack.getValue(); v++) {
          assertThat(store.value(name, "v" + v).orElseThrow().stringValue())
              .isEqualTo(CrashingSecretWriter.value(ack.getKey(), v));
        }
        assertThat(store.versionAt(name, SecretLabel.PREVIOUS).map(SecretVersion::versionId))
            .contains("v" + (current - 1));
      }
      SecretName name = CrashingSecretWriter.secret(0);
      String current = store.versionAt(name, SecretLabel.CURRENT).orElseThrow().versionId();
      store.putCurrent(name, "after-crash", Secret.ofString("still writable"));
      assertThat(store.versionAt(name, SecretLabel.PREVIOUS).orElseThrow().versionId())
          .isEqualTo(current);
      assertThat(store.versionAt(name, SecretLabel.PENDING)).isEqualTo(Optional.empty());
    }
  }
}
