package dev.tdeveloper.tenancy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a child JVM writing to a registry ({@code kill -9}) and checks what it acknowledged. */
class FileTenantRegistryCrashTest {
  private static final int THREADS = 4;
  private static final int ACKS_BEFORE_KILL = 300;

  @TempDir Path temp;

  @Test
  void keepsEveryAcknowledgedWriteAndNoHalfWrittenTenantWhenKilledMidWrite() throws Exception {
    Path dir = temp.resolve("registry");
    List<String> lines = new ArrayList<>();
    try (ChildJvm child =
        ChildJvm.start(
            CrashingRegistryWriter.class,
            temp.resolve("child.err"),
            dir.toString(),
            Integer.toString(THREADS))) {
      child.awaitLine("READY", 30);
      assertThatThrownBy(() -> FileTenantRegistry.builder(dir).open())
          .as("the child holds the registry's lock")
          .isInstanceOf(FileTenantRegistryException.class)
          .hasMessageContaining("already open elsewhere");
      for (int acks = 0; acks < ACKS_BEFORE_KILL; ) {
        String line = child.nextLine(30);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        lines.add(line);
        acks += line.startsWith("ACK ") ? 1 : 0;
      }
      lines.addAll(child.kill());
    }
    Map<TenantId, Integer> acked = new HashMap<>();
    for (String line : Files.readAllLines(CrashingRegistryWriter.ackFile(dir))) {
      String[] parts = line.split(" ");
      if (parts.length == 3 && parts[0].equals("ACK") && !parts[2].isEmpty()) {
        acked.merge(TenantId.of(parts[1]), Integer.parseInt(parts[2]), Math::max);
      }
    }

    try (FileTenantRegistry registry = FileTenantRegistry.builder(dir).open()) {
      for (Map.Entry<TenantId, Integer> ack : acked.entrySet()) {
        Tenant stored = registry.find(ack.getKey()).orElseThrow();
        int seq = Integer.parseInt(stored.attributes().get("seq"));
        assertThat(seq)
            .as("%s: acknowledged, or the one write in flight after it", ack.getKey())
            .isBetween(ack.getValue(), ack.getValue() + 1);
        assertThat(stored.plan()).isEqualTo(seq == 0 ? "free" : "pro");
      }
      List<Tenant> unacknowledged =
          registry.list().stream().filter(t -> !acked.containsKey(t.id())).toList();
      assertThat(unacknowledged)
          .as("at most the one create in flight per thread, whole")
          .hasSizeLessThanOrEqualTo(THREADS)
          .allSatisfy(t -> assertThat(t.attributes()).containsEntry("seq", "0"));
      assertThat(registry.file())
          .as("the child compacted: far fewer bytes than the records it wrote")
          .satisfies(f -> assertThat(Files.size(f)).isLessThan(lines.size() * 100L));
      registry.create(Tenant.builder("after-crash").build());
    }
    try (FileTenantRegistry registry = FileTenantRegistry.builder(dir).open()) {
      assertThat(registry.find(TenantId.of("after-crash"))).isPresent();
      assertThat(registry.discardedBytesOnOpen()).isZero();
    }
  }
}
