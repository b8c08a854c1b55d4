package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.region.RegionConfigLoader;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replicas' apply round: deltas joined per tenant, then once into each replica. */
class RegionReplicasTest {
  private static final TenantId ACME = TenantId.of("acme"); // eu-only
  private static final TenantId INITECH = TenantId.of("initech"); // unrestricted

  @TempDir Path dir;

  private DemoRegions regions() throws Exception {
    Path config = dir.resolve("regions.yaml");
    try (InputStream in =
        RegionReplicasTest.class.getResourceAsStream("/config/production/regions.yaml")) {
      Files.copy(in, config);
    }
    ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    return new DemoRegions(
        RegionConfigLoader.load(config),
        dir.resolve("data"),
        clock,
        TenantRegistry.inMemory(),
        () -> true,
        event -> {});
  }

  @Test
  void everyAllowedRegionHoldsEveryNoteAfterOneRoundOfManyDeltas() throws Exception {
    RegionReplicas replicas = regions().replicas;
    for (long id = 1; id <= 120; id++) { // within one poll of every region
      replicas.noteCreated(ACME, RegionId.of(id % 2 == 0 ? "eu-west-1" : "eu-central-1"), id);
      replicas.noteCreated(INITECH, RegionId.of("us-east-1"), id);
    }
    replicas.applyPending();

    Map<String, Map<String, Integer>> counts = replicas.counts();
    assertThat(counts.get("eu-west-1")).containsEntry("acme", 120).containsEntry("initech", 120);
    assertThat(counts.get("eu-central-1")).containsEntry("acme", 120);
    counts.forEach(
        (region, perTenant) -> {
          assertThat(perTenant).containsEntry("initech", 120);
          if (!region.startsWith("eu-")) {
            assertThat(perTenant).doesNotContainKey("acme");
          }
        });
    assertThat(replicas.backlog()).isZero();
    assertThat(replicas.holders().get(ACME))
        .isEqualTo(Set.of(RegionId.of("eu-west-1"), RegionId.of("eu-central-1")));
  }

  @Test
  void aLaterRoundAddsToWhatEarlierRoundsApplied() throws Exception {
    RegionReplicas replicas = regions().replicas;
    for (long id = 1; id <= 10; id++) {
      replicas.noteCreated(INITECH, RegionId.of("eu-west-1"), id);
    }
    replicas.applyPending();
    replicas.applyPending(); // nothing pending: nothing changes
    for (long id = 11; id <= 25; id++) {
      replicas.noteCreated(INITECH, RegionId.of("us-east-1"), id);
    }
    replicas.applyPending();

    replicas
        .counts()
        .values()
        .forEach(perTenant -> assertThat(perTenant).containsEntry("initech", 25));
    assertThat(replicas.backlog()).isZero();
  }
}
