package dev.tdeveloper.benchmarks.distribution;

import dev.tdeveloper.distribution.region.Continent;
import dev.tdeveloper.distribution.region.Endpoint;
import dev.tdeveloper.distribution.region.GeoPoint;
import dev.tdeveloper.distribution.region.Jurisdiction;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.distribution.routing.ClientLocation;
import dev.tdeveloper.distribution.routing.RegionRouter;
import dev.tdeveloper.distribution.routing.RouteDecision;
import dev.tdeveloper.distribution.routing.RouteRequest;
import dev.tdeveloper.distribution.routing.RoutingPolicy;
import dev.tdeveloper.tenancy.TenantId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link RegionRouter#route} over catalogs of 5 and 50 regions (issue 13: under 1 µs and 0
 * B/op on the cached path). Every request belongs to a tenant with an EU-only residency policy
 * (half the regions are in the EU), carries a routing key and a measured RTT to every region, so
 * each route runs the residency filter, the health filter, the policy and the endpoint choice.
 *
 * <ul>
 *   <li>{@code tdeveloperCachedRoute}: the same request again and again, as a service routing one
 *       busy session would: a cache hit (health version check, residency lookup, plan pick).
 *   <li>{@code tdeveloperUncachedRoute}: a router built with {@code cacheSize(0)}, over {@value
 *       #REQUESTS} distinct requests (other keys and latencies) in turn: the full decision every
 *       time.
 *   <li>{@code baselineRequestHash}: the request's {@code hashCode()} alone, the floor under any
 *       cache lookup keyed by the request.
 * </ul>
 *
 * <p>Average time per operation in nanoseconds on one thread. To read allocation per operation run
 * the shaded jar with the GC profiler: {@code java -jar benchmarks/target/benchmarks.jar
 * RegionRouterBenchmark -prof gc}; the {@code gc.alloc.rate.norm} row of each benchmark is the
 * bytes allocated per operation (B/op), which should read 0 (within the profiler's noise of a
 * fraction of a byte) for {@code tdeveloperCachedRoute} and {@code baselineRequestHash}; {@code
 * gc.alloc.rate} is the same in MB/s and depends on speed, so compare the {@code .norm} row.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class RegionRouterBenchmark {
  static final int REQUESTS = 1024;

  /** Regions in the catalog. */
  @Param({"5", "50"})
  public int regions;

  /** {@code latency} (lowest RTT) or {@code weighted} (equal weights, sticky per key). */
  @Param({"latency", "weighted"})
  public String policy;

  private RegionRouter cached;
  private RegionRouter uncached;
  private RouteRequest request;
  private RouteRequest[] requests;
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    List<Region> list = new ArrayList<>();
    Map<RegionId, Integer> weights = new HashMap<>();
    for (int i = 0; i < regions; i++) {
      boolean eu = i % 2 == 1;
      RegionId id = RegionId.of((eu ? "eu-" : "us-") + i);
      List<Endpoint> endpoints = new ArrayList<>();
      for (int e = 0; e < 3; e++) {
        endpoints.add(
            new Endpoint(
                "e" + e, URI.create("https://e" + e + "." + id + ".example"), "z" + e, 1 + e));
      }
      list.add(
          new Region(
              id,
              id.value(),
              eu ? "DE" : "US",
              eu ? Continent.EU : Continent.NA,
              new GeoPoint(random.nextDouble(-60, 60), random.nextDouble(-180, 180)),
              eu ? Set.of(Jurisdiction.of("EU")) : Set.of(),
              List.of("z0", "z1", "z2"),
              endpoints,
              100,
              0,
              Map.of()));
      weights.put(id, 10);
    }
    RegionCatalog catalog = RegionCatalog.of(list);
    RoutingPolicy routing =
        policy.equals("weighted")
            ? new RoutingPolicy.Weighted(weights, true)
            : new RoutingPolicy.Latency();
    ResidencyPolicy euOnly = ResidencyPolicy.within("eu-only", Jurisdiction.of("EU"));
    cached = RegionRouter.builder().catalog(catalog).policy(routing).residency(t -> euOnly).build();
    uncached =
        RegionRouter.builder()
            .catalog(catalog)
            .policy(routing)
            .residency(t -> euOnly)
            .cacheSize(0)
            .build();
    requests = new RouteRequest[REQUESTS];
    for (int r = 0; r < REQUESTS; r++) {
      RouteRequest.Builder b =
          RouteRequest.builder()
              .tenant(TenantId.of("tenant-" + (r % 100)))
              .client(ClientLocation.unknown())
              .key("session-" + r);
      for (Region region : list) {
        b.latency(region.id(), Duration.ofNanos(1_000L * (5_000 + random.nextInt(200_000))));
      }
      requests[r] = b.build();
    }
    request = requests[0];
    cached.route(request);
  }

  @Benchmark
  public RouteDecision tdeveloperCachedRoute() {
    return cached.route(request);
  }

  @Benchmark
  public RouteDecision tdeveloperUncachedRoute() {
    RouteRequest r = requests[next];
    next = (next + 1) & (REQUESTS - 1);
    return uncached.route(r);
  }

  @Benchmark
  public int baselineRequestHash() {
    return request.hashCode();
  }
}
