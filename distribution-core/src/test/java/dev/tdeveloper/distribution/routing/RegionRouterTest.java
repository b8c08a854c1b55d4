package dev.tdeveloper.distribution.routing;

import static dev.tdeveloper.distribution.routing.Fixtures.AP_SOUTHEAST;
import static dev.tdeveloper.distribution.routing.Fixtures.EU_CENTRAL;
import static dev.tdeveloper.distribution.routing.Fixtures.EU_WEST;
import static dev.tdeveloper.distribution.routing.Fixtures.SA_EAST;
import static dev.tdeveloper.distribution.routing.Fixtures.US_EAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tdeveloper.distribution.region.Jurisdiction;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.Placement;
import dev.tdeveloper.distribution.residency.ResidencyPolicies;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The filters around the policy (residency, health, home region, endpoints), reasons and cache. */
class RegionRouterTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final ResidencyPolicy EU_ONLY =
      ResidencyPolicy.within("eu-only", Jurisdiction.of("EU"));

  /** us-east-1 is fastest, then eu-west-1, eu-central-1, ap-southeast-1, sa-east-1. */
  private static RouteRequest.Builder measured() {
    return RouteRequest.builder()
        .latency(US_EAST, Duration.ofMillis(10))
        .latency(EU_WEST, Duration.ofMillis(20))
        .latency(EU_CENTRAL, Duration.ofMillis(30))
        .latency(AP_SOUTHEAST, Duration.ofMillis(40))
        .latency(SA_EAST, Duration.ofMillis(50));
  }

  private static RegionRouter.Builder latency() {
    return RegionRouter.builder().catalog(Fixtures.five()).policy(new RoutingPolicy.Latency());
  }

  @Test
  void residencyRemovesRegionsOutsideTheTenantsPolicy() {
    RegionRouter router = latency().residency(t -> EU_ONLY).build();
    RouteDecision d = router.route(measured().tenant(ACME).build());
    assertThat(d.primary().region().id()).isEqualTo(EU_WEST);
    assertThat(d.reasons().get(1))
        .isEqualTo(
            "residency: tenant acme's policy eu-only allows processing in jurisdictions [EU];"
                + " removed [us-east-1, ap-southeast-1, sa-east-1]");
  }

  @Test
  void residencyAppliesPerPurpose() {
    ResidencyPolicy storeInEu =
        new ResidencyPolicy(
            "store-in-eu",
            Placement.in(Set.of(Jurisdiction.of("EU"))),
            Placement.anywhere(),
            Placement.only(Set.of(EU_CENTRAL)));
    RegionRouter router = latency().residency(t -> storeInEu).build();
    RouteRequest.Builder r = measured().tenant(ACME);
    assertThat(router.route(r.build()).primary().region().id()).isEqualTo(US_EAST);
    assertThat(router.route(r.purpose(DataPurpose.STORAGE).build()).primary().region().id())
        .isEqualTo(EU_WEST);
    assertThat(router.route(r.purpose(DataPurpose.REPLICA).build()).primary().region().id())
        .isEqualTo(EU_CENTRAL);
  }

  @Test
  void residencyThatLeavesNothingIsNoRouteWithTheReasons() {
    RegionRouter router =
        latency().residency(t -> ResidencyPolicy.within("jp-only", Jurisdiction.of("JP"))).build();
    assertThatThrownBy(() -> router.route(measured().tenant(ACME).build()))
        .isInstanceOf(NoRouteException.class)
        .hasMessageContaining("residency left no region for tenant acme's processing")
        .satisfies(
            e ->
                assertThat(((NoRouteException) e).reasons())
                    .last()
                    .asString()
                    .startsWith("residency: tenant acme's policy jp-only allows processing in"));
  }

  @Test
  void healthRemovesUnhealthyRegions() {
    RegionRouter router = latency().health(new Fixtures.FlipHealth().down(US_EAST)).build();
    RouteDecision d = router.route(measured().build());
    assertThat(d.primary().region().id()).isEqualTo(EU_WEST);
    assertThat(d.reasons().get(2)).isEqualTo("health: removed [us-east-1] (unhealthy)");
  }

  @Test
  void healthFailsOpenWhenEveryCandidateIsUnhealthy() {
    Fixtures.FlipHealth health =
        new Fixtures.FlipHealth().down(US_EAST, EU_WEST, EU_CENTRAL, AP_SOUTHEAST, SA_EAST);
    RouteDecision d = latency().health(health).build().route(measured().build());
    assertThat(d.primary().region().id()).isEqualTo(US_EAST);
    assertThat(d.reasons().get(2))
        .isEqualTo(
            "health: every candidate is unhealthy [us-east-1, eu-west-1, eu-central-1,"
                + " ap-southeast-1, sa-east-1]; failing open as Route 53 does: answering as if all"
                + " were healthy");
  }

  @Test
  void healthFailsOpenOnlyWithinWhatResidencyAllows() {
    Fixtures.FlipHealth health = new Fixtures.FlipHealth().down(EU_WEST, EU_CENTRAL);
    RegionRouter router = latency().health(health).residency(t -> EU_ONLY).build();
    RouteDecision d = router.route(measured().tenant(ACME).build());
    assertThat(d.primary().region().id()).isEqualTo(EU_WEST);
    assertThat(d.reasons().get(2))
        .startsWith("health: every candidate is unhealthy [eu-west-1, eu-central-1]");
  }

  @Test
  void anEjectedEndpointGetsNoTraffic() {
    RegionRouter router =
        latency()
            .health(new Fixtures.FlipHealth().eject(US_EAST, "b"))
            .random(new Random(9))
            .build();
    for (int i = 0; i < 100; i++) {
      RouteDecision d = router.route(measured().build());
      assertThat(d.primary().endpoint().id()).isEqualTo("a");
      assertThat(d.reasons())
          .last()
          .isEqualTo("endpoint: us-east-1/a by weight 1 of 1 (ejected: b)");
    }
  }

  @Test
  void everyEndpointEjectedIsEnvoysPanicMode() {
    RegionRouter router =
        latency()
            .health(new Fixtures.FlipHealth().eject(US_EAST, "a").eject(US_EAST, "b"))
            .random(new Random(9))
            .build();
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 4_000; i++) {
      RouteDecision d = router.route(measured().build());
      counts.merge(d.primary().endpoint().id(), 1, Integer::sum);
      assertThat(d.reasons())
          .last()
          .asString()
          .endsWith(
              "every endpoint of us-east-1 is ejected, so panic mode (Envoy) balances over all of"
                  + " them");
    }
    assertThat(counts.get("b") / 4_000.0).isCloseTo(0.75, within(0.03));
  }

  @Test
  void endpointsShareTheirRegionByWeight() {
    RegionRouter router = latency().random(new Random(2)).build();
    int b = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      if (router.route(measured().build()).primary().endpoint().id().equals("b")) {
        b++;
      }
    }
    assertThat(b / (double) n).isCloseTo(0.75, within(0.015));
  }

  @Test
  void aTenantsWriteGoesToItsHomeRegion() {
    RegionRouter router =
        latency()
            .residency(t -> EU_ONLY)
            .homeRegions(HomeRegions.of(Map.of(ACME, EU_CENTRAL)))
            .build();
    RouteDecision write =
        router.route(measured().tenant(ACME).purpose(DataPurpose.STORAGE).build());
    assertThat(write.primary().region().id()).isEqualTo(EU_CENTRAL);
    assertThat(write.reasons())
        .contains("home region: eu-central-1 of tenant acme takes the write");
    RouteDecision read = router.route(measured().tenant(ACME).build());
    assertThat(read.primary().region().id()).isEqualTo(EU_WEST);
  }

  @Test
  void anUnhealthyHomeRegionLeavesTheWriteToThePolicy() {
    Fixtures.FlipHealth health = new Fixtures.FlipHealth();
    RegionRouter router =
        latency().health(health).homeRegions(HomeRegions.of(Map.of(ACME, EU_CENTRAL))).build();
    RouteRequest write = measured().tenant(ACME).purpose(DataPurpose.STORAGE).build();
    assertThat(router.route(write).primary().region().id()).isEqualTo(EU_CENTRAL);
    health.down(EU_CENTRAL);
    RouteDecision d = router.route(write);
    assertThat(d.primary().region().id()).isEqualTo(US_EAST);
    assertThat(d.reasons())
        .contains(
            "home region: eu-central-1 of tenant acme is unhealthy; the policy chooses among the rest");
  }

  @Test
  void aHomeRegionResidencyForbidsIsNotUsed() {
    RegionRouter router =
        latency()
            .residency(t -> EU_ONLY)
            .homeRegions(HomeRegions.of(Map.of(ACME, US_EAST)))
            .build();
    RouteDecision d = router.route(measured().tenant(ACME).purpose(DataPurpose.STORAGE).build());
    assertThat(d.primary().region().id()).isEqualTo(EU_WEST);
    assertThat(d.reasons())
        .contains(
            "home region: us-east-1 of tenant acme is not allowed by policy eu-only; the policy"
                + " chooses among the rest");
  }

  @Test
  void everyStepSaysWhatItDid() {
    RegionRouter router =
        latency()
            .residency(t -> EU_ONLY)
            .health(new Fixtures.FlipHealth().down(EU_WEST).eject(EU_CENTRAL, "a"))
            .build();
    RouteDecision d = router.route(measured().tenant(ACME).key("user-1").build());
    assertThat(d.reasons())
        .containsExactly(
            "candidates: the catalog's 5 regions [us-east-1, eu-west-1, eu-central-1,"
                + " ap-southeast-1, sa-east-1]",
            "residency: tenant acme's policy eu-only allows processing in jurisdictions [EU];"
                + " removed [us-east-1, ap-southeast-1, sa-east-1]",
            "health: removed [eu-west-1] (unhealthy)",
            "latency: eu-central-1 has the lowest measured RTT, 30.0 ms",
            "endpoint: eu-central-1/b by weight 3 of 3 (ejected: a)");
    assertThat(d.answers()).hasSize(1);
  }

  @Test
  void equalRequestsShareACachedDecisionUntilHealthChanges() {
    Fixtures.FlipHealth health = new Fixtures.FlipHealth();
    RegionRouter router = latency().health(health).build();
    RouteRequest r = measured().key("k").build();
    RouteDecision first = router.route(r);
    assertThat(router.route(measured().key("k").build())).isSameAs(first);
    health.down(US_EAST);
    RouteDecision after = router.route(r);
    assertThat(after.primary().region().id()).isEqualTo(EU_WEST);
    health.up(US_EAST);
    assertThat(router.route(r).primary().region().id()).isEqualTo(US_EAST);
  }

  @Test
  void aChangedResidencyPolicyIsNeverServedFromCache() {
    Map<TenantId, ResidencyPolicy> policies = new ConcurrentHashMap<>();
    ResidencyPolicies lookup = t -> policies.getOrDefault(t, ResidencyPolicy.unrestricted());
    RegionRouter router = latency().residency(lookup).build();
    RouteRequest r = measured().tenant(ACME).key("k").build();
    assertThat(router.route(r).primary().region().id()).isEqualTo(US_EAST);
    policies.put(ACME, EU_ONLY);
    assertThat(router.route(r).primary().region().id()).isEqualTo(EU_WEST);
  }

  @Test
  void cachedRandomChoicesAreStillDrawnEachTime() {
    RegionRouter router =
        RegionRouter.builder()
            .catalog(Fixtures.five())
            .policy(new RoutingPolicy.Weighted(Map.of(US_EAST, 1, EU_WEST, 1), false))
            .random(new Random(4))
            .build();
    RouteRequest r = RouteRequest.builder().build();
    Map<RegionId, Integer> counts = new HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      counts.merge(router.route(r).primary().region().id(), 1, Integer::sum);
    }
    assertThat(counts).containsOnlyKeys(US_EAST, EU_WEST);
    assertThat(counts.get(US_EAST)).isBetween(400, 600);
  }

  @Test
  void builderRefusesAPolicyNamingAnUnknownRegion() {
    assertThatThrownBy(
            () ->
                RegionRouter.builder()
                    .catalog(Fixtures.five())
                    .policy(new RoutingPolicy.Failover(EU_WEST, RegionId.of("mars-1")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "failover policy names region 'mars-1', which is not in the catalog; known regions:"
                + " [us-east-1, eu-west-1, eu-central-1, ap-southeast-1, sa-east-1]");
    assertThatThrownBy(
            () ->
                RegionRouter.builder()
                    .catalog(Fixtures.five())
                    .policy(
                        new RoutingPolicy.Geolocation(
                            Map.of(), Map.of(), Optional.of(RegionId.of("moon"))))
                    .build())
        .hasMessageContaining("region 'moon'");
  }

  @Test
  void builderRequiresCatalogAndPolicyAndTakesEachSettingOnce() {
    assertThatThrownBy(() -> RegionRouter.builder().policy(new RoutingPolicy.Latency()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("catalog is required");
    assertThatThrownBy(() -> RegionRouter.builder().catalog(Fixtures.five()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy is required");
    assertThatThrownBy(() -> latency().policy(new RoutingPolicy.Latency()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy was already set");
    assertThatThrownBy(() -> latency().cacheSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cacheSize -1 is out of range");
    assertThatThrownBy(() -> latency().health(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("health");
  }

  @Test
  void aStickyKeyKeepsItsEndpoint() {
    RegionRouter router = latency().cacheSize(0).build();
    for (String key : List.of("a", "b", "c", "d")) {
      String endpoint = router.route(measured().key(key).build()).primary().endpoint().id();
      for (int i = 0; i < 10; i++) {
        assertThat(router.route(measured().key(key).build()).primary().endpoint().id())
            .isEqualTo(endpoint);
      }
    }
  }

  @Test
  void stableHashIsPinned() {
    // String.hashCode is specified and the mix is fixed, so a key's position is the same in every
    // JVM. Pinned values: a change here moves every sticky key to another region.
    assertThat(StableHash.mix(0, 0)).isZero();
    assertThat(StableHash.mix(1, 0)).isEqualTo(-2152535657050944081L);
    assertThat(StableHash.index("user-42", StableHash.REGION, 1_000))
        .isBetween(0L, 999L)
        .isEqualTo(StableHash.index(new String("user-42".toCharArray()), StableHash.REGION, 1_000));
  }

  @Test
  void aHomeRegionOutsideTheCatalogIsSaidAndIgnored() {
    RegionRouter router =
        latency().homeRegions(HomeRegions.of(Map.of(ACME, RegionId.of("mars-1")))).build();
    RouteDecision d = router.route(measured().tenant(ACME).purpose(DataPurpose.STORAGE).build());
    assertThat(d.primary().region().id()).isEqualTo(US_EAST);
    assertThat(d.reasons())
        .contains("home region: mars-1 of tenant acme is not in the catalog; the policy chooses");
    assertThat(HomeRegions.none().homeOf(ACME)).isEmpty();
  }

  @Test
  void withoutACacheDecisionsAreTheSame() {
    RegionRouter cached = latency().residency(t -> EU_ONLY).build();
    RegionRouter uncached = latency().residency(t -> EU_ONLY).cacheSize(0).build();
    for (int i = 0; i < 20; i++) {
      RouteRequest r = measured().tenant(ACME).key("user-" + i).build();
      assertThat(uncached.route(r)).isEqualTo(cached.route(r));
    }
  }
}
