package dev.tdeveloper.distribution.routing;

import static dev.tdeveloper.distribution.routing.Fixtures.AP_SOUTHEAST;
import static dev.tdeveloper.distribution.routing.Fixtures.EU_CENTRAL;
import static dev.tdeveloper.distribution.routing.Fixtures.EU_WEST;
import static dev.tdeveloper.distribution.routing.Fixtures.NEW_YORK;
import static dev.tdeveloper.distribution.routing.Fixtures.PARIS;
import static dev.tdeveloper.distribution.routing.Fixtures.SA_EAST;
import static dev.tdeveloper.distribution.routing.Fixtures.US_EAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tdeveloper.distribution.region.Continent;
import dev.tdeveloper.distribution.region.GeoPoint;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per documented Amazon Route 53 routing rule, plus Envoy's priority levels. */
class RoutingPoliciesTest {
  private static RegionRouter router(RoutingPolicy policy) {
    return RegionRouter.builder().catalog(Fixtures.five()).policy(policy).build();
  }

  private static RegionId region(RegionRouter router, RouteRequest request) {
    return router.route(request).primary().region().id();
  }

  private static RouteRequest from(ClientLocation client) {
    return RouteRequest.builder().client(client).build();
  }

  @Nested
  class Latency {
    private final RegionRouter router = router(new RoutingPolicy.Latency());

    @Test
    void lowestMeasuredRoundTripWins() {
      RouteRequest r =
          RouteRequest.builder()
              .latency(US_EAST, Duration.ofMillis(80))
              .latency(EU_WEST, Duration.ofMillis(23))
              .latency(EU_CENTRAL, Duration.ofMillis(31))
              .build();
      RouteDecision d = router.route(r);
      assertThat(d.primary().region().id()).isEqualTo(EU_WEST);
      assertThat(d.reasons())
          .contains(
              "latency: eu-west-1 has the lowest measured RTT, 23.0 ms; then eu-central-1 31.0"
                  + " ms, us-east-1 80.0 ms; 2 candidates without a measurement rank after");
    }

    @Test
    void unmeasuredCandidatesRankAfterMeasuredOnes() {
      RouteRequest r = RouteRequest.builder().latency(SA_EAST, Duration.ofMillis(400)).build();
      assertThat(region(router, r)).isEqualTo(SA_EAST);
    }

    @Test
    void withoutMeasurementsTheNearestRegionToTheClientWins() {
      RouteDecision d =
          router.route(
              from(new ClientLocation(Optional.empty(), Optional.empty(), Optional.of(PARIS))));
      assertThat(d.primary().region().id()).isEqualTo(EU_CENTRAL);
      assertThat(d.reasons().get(3))
          .startsWith(
              "latency: no RTT measured to any candidate; nearest to the client: eu-central-1");
    }

    @Test
    void withoutMeasurementsOrLocationCatalogOrderDecides() {
      RouteDecision d = router.route(RouteRequest.builder().build());
      assertThat(d.primary().region().id()).isEqualTo(US_EAST);
      assertThat(d.reasons().get(3)).contains("first candidate in catalog order: us-east-1");
    }
  }

  @Nested
  class Geolocation {
    private final RoutingPolicy.Geolocation policy =
        new RoutingPolicy.Geolocation(
            Map.of("DE", EU_CENTRAL),
            Map.of(Continent.EU, EU_WEST, Continent.NA, US_EAST),
            Optional.of(AP_SOUTHEAST));

    private ClientLocation client(String country, Continent continent) {
      return new ClientLocation(Optional.of(country), Optional.of(continent), Optional.empty());
    }

    @Test
    void countryBeatsContinentBeatsDefault() {
      RegionRouter router = router(policy);
      assertThat(region(router, from(client("DE", Continent.EU)))).isEqualTo(EU_CENTRAL);
      assertThat(region(router, from(client("FR", Continent.EU)))).isEqualTo(EU_WEST);
      assertThat(region(router, from(client("US", Continent.NA)))).isEqualTo(US_EAST);
      assertThat(region(router, from(client("JP", Continent.AS)))).isEqualTo(AP_SOUTHEAST);
      assertThat(region(router, from(ClientLocation.unknown()))).isEqualTo(AP_SOUTHEAST);
    }

    @Test
    void anUnhealthyCountryRecordFallsBackToTheContinent() {
      RegionRouter router =
          RegionRouter.builder()
              .catalog(Fixtures.five())
              .policy(policy)
              .health(new Fixtures.FlipHealth().down(EU_CENTRAL))
              .build();
      RouteDecision d = router.route(from(client("DE", Continent.EU)));
      assertThat(d.primary().region().id()).isEqualTo(EU_WEST);
      assertThat(d.reasons())
          .contains(
              "geolocation: continent EU record: eu-west-1 (skipped: country DE record"
                  + " eu-central-1 unhealthy)");
    }

    @Test
    void noMatchAndNoDefaultIsNoAnswer() {
      RegionRouter router =
          router(
              new RoutingPolicy.Geolocation(Map.of("DE", EU_CENTRAL), Map.of(), Optional.empty()));
      assertThatThrownBy(() -> router.route(from(client("JP", Continent.AS))))
          .isInstanceOf(NoRouteException.class)
          .hasMessageContaining("no record for the client (country JP, continent AS)")
          .satisfies(
              e ->
                  assertThat(((NoRouteException) e).reasons())
                      .last()
                      .asString()
                      .contains("no default record"));
    }

    @Test
    void candidatesAreTheRegionsTheRecordsName() {
      RouteDecision d = router(policy).route(from(client("DE", Continent.EU)));
      assertThat(d.reasons().get(0))
          .isEqualTo(
              "candidates: the 4 regions the geolocation policy names [us-east-1, eu-west-1,"
                  + " eu-central-1, ap-southeast-1]");
    }
  }

  @Nested
  class Geoproximity {
    // On the equator one degree of longitude is 6371.0088 km x pi / 180 = 111.195 km, so a region
    // 10 degrees east is 1111.95 km away and one 12 degrees west 1334.34 km away.
    private final RegionId east = RegionId.of("east");
    private final RegionId west = RegionId.of("west");
    private final RegionCatalog catalog =
        RegionCatalog.of(
            List.of(
                Fixtures.region(east, "KE", Continent.AF, new GeoPoint(0, 10), Set.of(), 0),
                Fixtures.region(west, "GA", Continent.AF, new GeoPoint(0, -12), Set.of(), 0)));
    private final RouteRequest atNullIsland =
        from(
            new ClientLocation(
                Optional.empty(), Optional.empty(), Optional.of(new GeoPoint(0, 0))));

    private RegionRouter router(Map<RegionId, Integer> bias) {
      return RegionRouter.builder()
          .catalog(catalog)
          .policy(new RoutingPolicy.Geoproximity(bias))
          .build();
    }

    @Test
    void withoutBiasTheNearestWins() {
      RouteDecision d = router(Map.of()).route(atNullIsland);
      assertThat(d.primary().region().id()).isEqualTo(east);
      assertThat(d.reasons().get(3))
          .isEqualTo(
              "geoproximity: east biased distance 1112 km (distance 1112 km, bias 0); next west"
                  + " biased distance 1334 km (bias 0)");
    }

    @Test
    void biasShrinksDistanceByRoute53sFormula() {
      // 1334.34 x (1 - 20 / 100) = 1067.47 km < 1111.95 km: west now wins.
      RouteDecision d = router(Map.of(west, 20)).route(atNullIsland);
      assertThat(d.primary().region().id()).isEqualTo(west);
      assertThat(d.reasons().get(3))
          .isEqualTo(
              "geoproximity: west biased distance 1067 km (distance 1334 km, bias +20); next east"
                  + " biased distance 1112 km (bias 0)");
      Region w = catalog.require(west);
      assertThat(
              RegionRouter.biased(
                  new RoutingPolicy.Geoproximity(Map.of(west, 20)), w, new GeoPoint(0, 0)))
          .isCloseTo(6371.0088 * Math.toRadians(12) * 0.8, within(1e-6));
    }

    @Test
    void negativeBiasGrowsDistance() {
      // 1111.95 x (1 + 25 / 100) = 1389.94 km > 1334.34 km.
      assertThat(region(router(Map.of(east, -25)), atNullIsland)).isEqualTo(west);
      assertThat(region(router(Map.of(east, -15)), atNullIsland)).isEqualTo(east);
    }

    @Test
    void withoutTheClientsPointItFallsBackLikeLatency() {
      RouteRequest r = RouteRequest.builder().latency(west, Duration.ofMillis(5)).build();
      RouteDecision d = router(Map.of(east, 99)).route(r);
      assertThat(d.primary().region().id()).isEqualTo(west);
      assertThat(d.reasons().get(3))
          .startsWith("geoproximity: client location unknown, ranked by latency: west has the");
    }
  }

  @Nested
  class Weighted {
    private final RegionCatalog line = Fixtures.line(3);
    private final RegionId r0 = RegionId.of("r0");
    private final RegionId r1 = RegionId.of("r1");
    private final RegionId r2 = RegionId.of("r2");

    private Map<RegionId, Integer> count(RegionRouter router, int n, boolean keyed) {
      Map<RegionId, Integer> counts = new HashMap<>();
      for (int i = 0; i < n; i++) {
        RouteRequest.Builder b = RouteRequest.builder();
        if (keyed) {
          b.key("user-" + i);
        }
        counts.merge(router.route(b.build()).primary().region().id(), 1, Integer::sum);
      }
      return counts;
    }

    @Test
    void eachRegionGetsWeightOverSumOfWeights() {
      RegionRouter router =
          RegionRouter.builder()
              .catalog(line)
              .policy(new RoutingPolicy.Weighted(Map.of(r0, 10, r1, 30, r2, 60), false))
              .random(new Random(42))
              .build();
      int n = 60_000;
      Map<RegionId, Integer> counts = count(router, n, false);
      assertThat(counts.get(r0) / (double) n).isCloseTo(0.10, within(0.01));
      assertThat(counts.get(r1) / (double) n).isCloseTo(0.30, within(0.01));
      assertThat(counts.get(r2) / (double) n).isCloseTo(0.60, within(0.01));
    }

    @Test
    void stickyKeysSpreadByWeightToo() {
      RegionRouter router =
          RegionRouter.builder()
              .catalog(line)
              .policy(new RoutingPolicy.Weighted(Map.of(r0, 10, r1, 30, r2, 60), true))
              .build();
      int n = 30_000;
      Map<RegionId, Integer> counts = count(router, n, true);
      assertThat(counts.get(r0) / (double) n).isCloseTo(0.10, within(0.015));
      assertThat(counts.get(r1) / (double) n).isCloseTo(0.30, within(0.015));
      assertThat(counts.get(r2) / (double) n).isCloseTo(0.60, within(0.015));
    }

    @Test
    void theSameKeyAlwaysGetsTheSameRegion() {
      RoutingPolicy policy = new RoutingPolicy.Weighted(Map.of(r0, 1, r1, 1, r2, 1), true);
      Map<String, RegionId> first = new HashMap<>();
      RegionRouter a = RegionRouter.builder().catalog(line).policy(policy).build();
      for (int i = 0; i < 200; i++) {
        first.put("k" + i, region(a, RouteRequest.builder().key("k" + i).build()));
      }
      // A second router (another instance, another JVM) without cache maps every key alike.
      RegionRouter b = RegionRouter.builder().catalog(line).policy(policy).cacheSize(0).build();
      for (int round = 0; round < 3; round++) {
        first.forEach(
            (k, r) -> assertThat(region(b, RouteRequest.builder().key(k).build())).isEqualTo(r));
      }
      assertThat(new HashSet<>(first.values())).containsExactlyInAnyOrder(r0, r1, r2);
    }

    @Test
    void weightZeroGetsTrafficOnlyWhenEveryCandidateWeighsZero() {
      Fixtures.FlipHealth health = new Fixtures.FlipHealth();
      RegionRouter router =
          RegionRouter.builder()
              .catalog(line)
              .policy(new RoutingPolicy.Weighted(Map.of(r0, 5, r1, 0), false))
              .health(health)
              .random(new Random(7))
              .build();
      assertThat(count(router, 1_000, false)).containsOnlyKeys(r0);
      health.down(r0);
      Map<RegionId, Integer> counts = count(router, 10_000, false);
      assertThat(counts.get(r1) / 10_000.0).isCloseTo(0.5, within(0.03));
      assertThat(counts.get(r2) / 10_000.0).isCloseTo(0.5, within(0.03));
      assertThat(router.route(RouteRequest.builder().build()).reasons())
          .contains(
              "weighted: every candidate [r1, r2] weighs 0, so they share equally, as Route 53 does");
    }

    @Test
    void priorityLevelsSpillLoadAsEnvoyDoes() {
      // P0 = r0, r1; P1 = r2, r3; two endpoints each. r0 down leaves P0 2 of 4 endpoints: health
      // 70, so P0 takes 70% and P1 30%.
      RegionCatalog levels = Fixtures.line(4, 0, 0, 1, 1);
      Map<RegionId, Integer> weights = new HashMap<>();
      for (RegionId id : levels.ids()) {
        weights.put(id, 1);
      }
      Fixtures.FlipHealth health = new Fixtures.FlipHealth();
      RegionRouter router =
          RegionRouter.builder()
              .catalog(levels)
              .policy(new RoutingPolicy.Weighted(weights, false))
              .health(health)
              .random(new Random(1))
              .build();
      Map<RegionId, Integer> all = count(router, 2_000, false);
      assertThat(all).containsOnlyKeys(RegionId.of("r0"), r1);

      health.down(RegionId.of("r0"));
      int n = 40_000;
      Map<RegionId, Integer> counts = count(router, n, false);
      assertThat(counts.get(r1) / (double) n).isCloseTo(0.70, within(0.01));
      assertThat(counts.get(r2) / (double) n).isCloseTo(0.15, within(0.01));
      assertThat(counts.get(RegionId.of("r3")) / (double) n).isCloseTo(0.15, within(0.01));
      assertThat(router.route(RouteRequest.builder().build()).reasons())
          .contains(
              "weighted: priority levels (Envoy, overprovisioning 1.4): P0 health 70% load 70%,"
                  + " P1 health 100% load 30%");
    }

    @Test
    void ejectedEndpointsLowerTheirLevelsHealth() {
      RegionCatalog levels = Fixtures.line(2, 0, 1);
      Fixtures.FlipHealth health = new Fixtures.FlipHealth().eject(RegionId.of("r0"), "b");
      RegionRouter router =
          RegionRouter.builder()
              .catalog(levels)
              .policy(new RoutingPolicy.Weighted(Map.of(RegionId.of("r0"), 1, r1, 1), false))
              .health(health)
              .random(new Random(3))
              .build();
      int n = 20_000;
      Map<RegionId, Integer> counts = count(router, n, false);
      assertThat(counts.get(RegionId.of("r0")) / (double) n).isCloseTo(0.70, within(0.015));
      assertThat(counts.get(r1) / (double) n).isCloseTo(0.30, within(0.015));
    }
  }

  @Nested
  class Failover {
    private final Fixtures.FlipHealth health = new Fixtures.FlipHealth();
    private final RegionRouter router =
        RegionRouter.builder()
            .catalog(Fixtures.five())
            .policy(new RoutingPolicy.Failover(EU_WEST, EU_CENTRAL))
            .health(health)
            .build();
    private final RouteRequest any = RouteRequest.builder().build();

    @Test
    void primaryWhileHealthyThenSecondaryThenBack() {
      assertThat(region(router, any)).isEqualTo(EU_WEST);
      health.down(EU_WEST);
      RouteDecision d = router.route(any);
      assertThat(d.primary().region().id()).isEqualTo(EU_CENTRAL);
      assertThat(d.reasons())
          .contains(
              "failover: primary eu-west-1 is unhealthy; secondary eu-central-1 takes the traffic");
      health.up(EU_WEST);
      assertThat(region(router, any)).isEqualTo(EU_WEST);
    }

    @Test
    void bothUnhealthyAnswersThePrimaryAsRoute53Does() {
      health.down(EU_WEST, EU_CENTRAL);
      RouteDecision d = router.route(any);
      assertThat(d.primary().region().id()).isEqualTo(EU_WEST);
      assertThat(d.reasons())
          .contains(
              "failover: primary eu-west-1 and secondary eu-central-1 are both unhealthy; the"
                  + " primary answers, as Route 53 does");
    }

    @Test
    void otherHealthyRegionsDoNotStandInForTheFailoverPair() {
      health.down(EU_WEST, EU_CENTRAL);
      assertThat(router.route(any).answers()).hasSize(1);
      assertThat(router.route(any).reasons().get(0))
          .isEqualTo(
              "candidates: the 2 regions the failover policy names [eu-west-1, eu-central-1]");
    }
  }

  @Nested
  class MultiValue {
    @Test
    void answersUpToMaxDistinctHealthyRegions() {
      Fixtures.FlipHealth health = new Fixtures.FlipHealth().down(SA_EAST);
      RegionRouter router =
          RegionRouter.builder()
              .catalog(Fixtures.five())
              .policy(new RoutingPolicy.MultiValue(3))
              .health(health)
              .random(new Random(5))
              .build();
      for (int i = 0; i < 50; i++) {
        List<RouteAnswer> answers = router.route(RouteRequest.builder().build()).answers();
        assertThat(answers).hasSize(3);
        assertThat(answers.stream().map(a -> a.region().id()).distinct()).hasSize(3);
        assertThat(answers).noneMatch(a -> a.region().id().equals(SA_EAST));
      }
    }

    @Test
    void fewerCandidatesThanTheCapAnswerThemAll() {
      RegionRouter router = router(new RoutingPolicy.MultiValue(8));
      assertThat(router.route(RouteRequest.builder().build()).answers()).hasSize(5);
    }

    @Test
    void aKeyFixesTheOrderAndNoKeyShufflesIt() {
      RegionRouter router =
          RegionRouter.builder()
              .catalog(Fixtures.five())
              .policy(new RoutingPolicy.MultiValue(5))
              .random(new Random(11))
              .cacheSize(0)
              .build();
      List<RouteAnswer> first =
          router.route(RouteRequest.builder().key("session-1").build()).answers();
      for (int i = 0; i < 20; i++) {
        assertThat(router.route(RouteRequest.builder().key("session-1").build()).answers())
            .isEqualTo(first);
      }
      Set<List<RegionId>> orders = new HashSet<>();
      for (int i = 0; i < 50; i++) {
        orders.add(
            router.route(RouteRequest.builder().build()).answers().stream()
                .map(a -> a.region().id())
                .toList());
      }
      assertThat(orders.size()).isGreaterThan(10);
    }
  }

  @Test
  void newYorkIsNearestToUsEast() {
    RouteDecision d =
        router(new RoutingPolicy.Geoproximity(Map.of()))
            .route(
                from(
                    new ClientLocation(Optional.empty(), Optional.empty(), Optional.of(NEW_YORK))));
    assertThat(d.primary().region().id()).isEqualTo(US_EAST);
  }
}
