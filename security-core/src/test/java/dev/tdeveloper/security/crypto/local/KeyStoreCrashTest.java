package dev.tdeveloper.security.crypto.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.KeyManagerException;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.testkit.AttemptLog;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kills a child JVM ({@code kill -9}) writing the key store and checks what it acknowledged. */
class KeyStoreCrashTest {
  @TempDir Path temp;

  private LocalKeyManager reopen() {
    return LocalKeyManager.builder(
            temp.resolve("keys"), MasterKey.fromFile(temp.resolve("master.key")))
        .open();
  }

  @Test
  void keepsEveryAcknowledgedRotationWhenKilledMidWrite() throws Exception {
    MasterKey.generateFile(temp.resolve("master.key"));
    List<String> lines = new ArrayList<>();
    try (ChildJvm child =
        ChildJvm.start(
            KeyStoreCrashChild.class, temp.resolve("child.err"), temp.toString(), "rotate")) {
      for (int acks = 0; acks < 150; ) {
        String line = child.nextLine(60);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        lines.add(line);
        acks += line.startsWith("ACK ") ? 1 : 0;
      }
      assertThatThrownBy(this::reopen)
          .as("the child holds the lock")
          .isInstanceOf(KeyManagerException.class)
          .hasMessageContaining("already open elsewhere");
      lines.addAll(child.kill());
    }
    Map<String, Integer> acked = new HashMap<>();
    for (String line : lines) {
      String[] parts = line.split(" ");
      if (parts[0].equals("ACK") && parts.length == 3) {
        acked.merge(parts[1], Integer.parseInt(parts[2]), Math::max);
      }
    }
    Map<String, Long> tried = AttemptLog.counts(temp.resolve("attempts"));
    try (LocalKeyManager keys = reopen()) {
      for (Map.Entry<String, Integer> e : acked.entrySet()) {
        TenantId tenant = TenantId.of(e.getKey());
        int versions = keys.versions(tenant).size();
        assertThat((long) versions)
            .as(e.getKey())
            .isBetween((long) e.getValue(), tried.get(e.getKey()));
        for (int v = 1; v <= versions; v++) {
          byte[] dek = new byte[32];
          assertThat(keys.unwrap(tenant, v, keys.wrap(tenant, v, dek, new byte[0]), new byte[0]))
              .isEqualTo(dek);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {JournalFile.SNAPSHOT_WRITTEN, JournalFile.SNAPSHOT_INSTALLED})
  void aDestroyKilledMidRewriteLeavesTheOldOrTheNewStoreWhole(String step) throws Exception {
    MasterKey.generateFile(temp.resolve("master.key"));
    Map<Integer, byte[]> wrapped = new HashMap<>();
    try (ChildJvm child =
        ChildJvm.start(
            KeyStoreCrashChild.class,
            temp.resolve("child.err"),
            temp.toString(),
            "destroy",
            step)) {
      for (String line : child.awaitLine("STEP " + step, 60)) {
        String[] parts = line.split(" ");
        wrapped.put(Integer.parseInt(parts[1]), HexFormat.of().parseHex(parts[2]));
      }
      child.kill();
    }
    TenantId victim = TenantId.of("victim");
    try (LocalKeyManager keys = reopen()) {
      byte[] two = new byte[32];
      two[0] = 2;
      assertThat(keys.unwrap(victim, 2, wrapped.get(2), new byte[0])).isEqualTo(two);
      if (step.equals(JournalFile.SNAPSHOT_WRITTEN)) {
        assertThat(keys.version(victim, 1).orElseThrow().state()).isEqualTo(KeyState.ENABLED);
        keys.destroy(victim, 1);
      } else {
        assertThat(keys.version(victim, 1).orElseThrow().state()).isEqualTo(KeyState.DESTROYED);
      }
      assertThatThrownBy(() -> keys.unwrap(victim, 1, wrapped.get(1), new byte[0]))
          .isInstanceOf(KeyUnavailableException.class);
    }
    try (LocalKeyManager keys = reopen()) {
      assertThat(keys.version(victim, 1).orElseThrow().state()).isEqualTo(KeyState.DESTROYED);
    }
  }
}
