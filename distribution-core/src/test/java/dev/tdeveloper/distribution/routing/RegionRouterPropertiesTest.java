package dev.tdeveloper.distribution.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.region.Jurisdiction;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Invariants over arbitrary health, residency, policies and keys, and under concurrency. */
class RegionRouterPropertiesTest {
  private static final RegionCatalog FIVE = Fixtures.five();
  private static final ResidencyPolicy EU_ONLY =
      ResidencyPolicy.within("eu-only", Jurisdiction.of("EU"));

  @Provide
  Arbitrary<RoutingPolicy> policies() {
    Map<RegionId, Integer> weights = new HashMap<>();
    int w = 1;
    for (RegionId id : FIVE.ids()) {
      weights.put(id, w++);
    }
    return Arbitraries.of(
        new RoutingPolicy.Latency(),
        new RoutingPolicy.Geoproximity(Map.of(Fixtures.SA_EAST, 50)),
        new RoutingPolicy.Weighted(weights, true),
        new RoutingPolicy.Weighted(weights, false),
        new RoutingPolicy.Failover(Fixtures.EU_WEST, Fixtures.US_EAST),
        new RoutingPolicy.MultiValue(3));
  }

  @Provide
  Arbitrary<Set<RegionId>> down() {
    return Arbitraries.of(FIVE.ids()).set();
  }

  @Property(tries = 300)
  void answersStayWithinResidencyAndPreferHealthyRegions(
      @ForAll("policies") RoutingPolicy policy,
      @ForAll("down") Set<RegionId> down,
      @ForAll boolean euOnly,
      @ForAll DataPurpose purpose,
      @ForAll("keys") Optional<String> key,
      @ForAll long seed) {
    Fixtures.FlipHealth health = new Fixtures.FlipHealth().down(down.toArray(new RegionId[0]));
    ResidencyPolicy residency = euOnly ? EU_ONLY : ResidencyPolicy.unrestricted();
    RegionRouter router =
        RegionRouter.builder()
            .catalog(FIVE)
            .policy(policy)
            .health(health)
            .residency(t -> residency)
            .random(new Random(seed))
            .build();
    RouteRequest.Builder b =
        RouteRequest.builder()
            .tenant(TenantId.of("t"))
            .purpose(purpose)
            .latency(Fixtures.SA_EAST, Duration.ofMillis(3));
    key.ifPresent(b::key);
    RouteRequest request = b.build();
    List<Region> allowed =
        policy instanceof RoutingPolicy.Failover f
            ? FIVE.regions().stream()
                .filter(r -> r.id().equals(f.primary()) || r.id().equals(f.secondary()))
                .filter(r -> residency.allows(purpose, r))
                .toList()
            : FIVE.regions().stream().filter(r -> residency.allows(purpose, r)).toList();
    boolean anyHealthy = allowed.stream().anyMatch(r -> !down.contains(r.id()));
    RouteDecision d;
    try {
      d = router.route(request);
    } catch (NoRouteException e) {
      assertThat(allowed).isEmpty();
      return;
    }
    for (RouteAnswer a : d.answers()) {
      assertThat(residency.allows(purpose, a.region())).isTrue();
      if (anyHealthy) {
        assertThat(down).doesNotContain(a.region().id());
      }
    }
    assertThat(router.route(request).answers().size()).isEqualTo(d.answers().size());
    if (key.isPresent() && !(policy instanceof RoutingPolicy.Weighted w && !w.stickyPerKey())) {
      assertThat(router.route(request)).isEqualTo(d);
    }
  }

  @Provide
  Arbitrary<Optional<String>> keys() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(12).optional();
  }

  @Test
  void concurrentRoutesWhileHealthFlipsStayConsistent() throws Exception {
    Fixtures.FlipHealth health = new Fixtures.FlipHealth();
    RegionRouter router =
        RegionRouter.builder()
            .catalog(FIVE)
            .policy(new RoutingPolicy.Latency())
            .health(health)
            .residency(t -> EU_ONLY)
            .build();
    RouteRequest request =
        RouteRequest.builder()
            .tenant(TenantId.of("t"))
            .latency(Fixtures.US_EAST, Duration.ofMillis(1))
            .latency(Fixtures.EU_WEST, Duration.ofMillis(2))
            .latency(Fixtures.EU_CENTRAL, Duration.ofMillis(3))
            .key("k")
            .build();
    Concurrently.run(
        4,
        thread -> {
          for (int i = 0; i < 20_000; i++) {
            if (thread == 0) {
              if (i % 2 == 0) {
                health.down(Fixtures.EU_WEST);
              } else {
                health.up(Fixtures.EU_WEST);
              }
              continue;
            }
            RouteDecision d = router.route(request);
            RegionId id = d.primary().region().id();
            assertThat(id).isIn(Fixtures.EU_WEST, Fixtures.EU_CENTRAL);
            boolean removed = d.reasons().contains("health: removed [eu-west-1] (unhealthy)");
            assertThat(id.equals(Fixtures.EU_CENTRAL)).isEqualTo(removed);
          }
        });
    health.up(Fixtures.EU_WEST);
    assertThat(router.route(request).primary().region().id()).isEqualTo(Fixtures.EU_WEST);
  }

  @Test
  void everyLevelAtZeroHealthSendsAllToTheFirstLevelWithAHealthyRegion() {
    RegionCatalog levels = Fixtures.line(2, 0, 1);
    RegionId r0 = RegionId.of("r0");
    RegionId r1 = RegionId.of("r1");
    Fixtures.FlipHealth health =
        new Fixtures.FlipHealth().eject(r0, "a").eject(r0, "b").eject(r1, "a").eject(r1, "b");
    RegionRouter router =
        RegionRouter.builder()
            .catalog(levels)
            .policy(new RoutingPolicy.Weighted(Map.of(r0, 1, r1, 1), false))
            .health(health)
            .build();
    RouteDecision d = router.route(RouteRequest.builder().build());
    assertThat(d.primary().region().id()).isEqualTo(r0);
    assertThat(d.reasons())
        .contains(
            "weighted: priority levels (Envoy, overprovisioning 1.4): P0 health 0% load 100%, P1"
                + " health 0% load 0%; every level has health 0, so the first level with a healthy"
                + " region takes all");
    assertThat(d.reasons()).last().asString().contains("panic mode");
  }

  @Test
  void aLevelsShareIsSplitByWeightAndReportedOverall() {
    RegionCatalog levels = Fixtures.line(3, 0, 1, 1);
    RegionId r1 = RegionId.of("r1");
    RegionId r2 = RegionId.of("r2");
    RegionRouter router =
        RegionRouter.builder()
            .catalog(levels)
            .policy(new RoutingPolicy.Weighted(Map.of(RegionId.of("r0"), 1, r1, 1, r2, 3), true))
            .health(new Fixtures.FlipHealth().eject(RegionId.of("r0"), "a"))
            .build();
    // r0 has 1 of 2 endpoints: health 70, so P0 70% and P1 30%, split 1 : 3 (7.5% and 22.5%).
    Map<RegionId, String> reasons = new HashMap<>();
    for (int i = 0; i < 500; i++) {
      RouteDecision d = router.route(RouteRequest.builder().key("k" + i).build());
      reasons.put(d.primary().region().id(), d.reasons().get(d.reasons().size() - 2));
    }
    assertThat(reasons.get(r1))
        .isEqualTo(
            "weighted: r1 chosen, level P1 (load 30%), weight 1 of 4 (7.5% overall), sticky per key");
    assertThat(reasons.get(r2)).contains("weight 3 of 4 (22.5% overall)");
  }
}
